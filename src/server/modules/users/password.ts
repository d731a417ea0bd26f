import argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes): about 30 ms here, slow enough for guessing, fast enough to log in.
const hashOptions = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, hashOptions);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so a wrong username and a wrong password look alike. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('endcap-dummy-password');
  await verifyPassword(await dummyHash, password);
}
