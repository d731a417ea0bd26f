import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../../http/app-error';

const WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed sign-ins per username and per address over 15 minutes. A username is locked after
 * `limit` failures (slows guessing one account from many addresses); an address after 3 × limit
 * (one address spraying many usernames, yet an office behind one NAT can still work).
 */
export function createLoginLimiter(limit: number) {
  const byUsername = new RateLimiterMemory({ points: limit, duration: WINDOW_SECONDS });
  const byAddress = new RateLimiterMemory({ points: limit * 3, duration: WINDOW_SECONDS });

  async function isBlocked(limiter: RateLimiterMemory, key: string): Promise<number> {
    const state = await limiter.get(key);
    return state && state.consumedPoints >= limiter.points ? state.msBeforeNext : 0;
  }

  return {
    async assertAllowed(username: string, address: string): Promise<void> {
      const waitMs = Math.max(
        await isBlocked(byUsername, username.toLowerCase()),
        await isBlocked(byAddress, address),
      );
      if (waitMs > 0) {
        throw new AppError('rate_limited', 'Too many failed sign-ins; try again later', {
          retryAfterSeconds: Math.ceil(waitMs / 1000),
        });
      }
    },
    async recordFailure(username: string, address: string): Promise<void> {
      await Promise.all([
        byUsername.consume(username.toLowerCase()).catch(ignoreLimit),
        byAddress.consume(address).catch(ignoreLimit),
      ]);
    },
    async recordSuccess(username: string): Promise<void> {
      await byUsername.delete(username.toLowerCase());
    },
  };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;

function ignoreLimit(error: unknown) {
  if (!(error instanceof RateLimiterRes)) throw error;
}
