import readline from 'node:readline';

/** Reads a secret: the first line of piped input, or typed at a terminal without echo. */
export async function readSecret(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new Error('No password given (use --password, ENDCAP_PASSWORD or stdin)');
  }
  process.stdout.write(question);
  return new Promise((resolve) => {
    const stdin = process.stdin;
    let secret = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (char: string) => {
      if (char === '\r' || char === '\n' || char === '\u0004') {
        stdin.setRawMode(false);
        stdin.pause();
        stdin.off('data', onData);
        process.stdout.write('\n');
        resolve(secret);
      } else if (char === '\u0003') {
        process.exit(130);
      } else if (char === '\u007f') {
        secret = secret.slice(0, -1);
      } else {
        secret += char;
      }
    };
    stdin.on('data', onData);
  });
}
