import { AppError } from "../errors/app-error.ts";
import type { RateLimiter, RateLimitRule } from "../rate-limit/rate-limiter.ts";

// Stricter than the general limit: enough for people who mistype, far too few to guess.
const loginPerAddress: RateLimitRule = { limit: 20, windowSeconds: 600 };
const loginPerAccount: RateLimitRule = { limit: 10, windowSeconds: 900 };
const registrationPerAddress: RateLimitRule = { limit: 10, windowSeconds: 3600 };

/**
 * Every attempt counts against the client's address; only failures count against the
 * account, so that its owner logging in (even often, from scripts) never locks it, while
 * guesses from many addresses still run into the account's limit.
 */
export async function limitLoginAttempts(
  limiter: RateLimiter,
  clientAddress: string,
  emailLookup: string,
  now: Date,
): Promise<void> {
  await enforce(limiter, `login-ip:${clientAddress}`, loginPerAddress, now);
  const account = await limiter.isExhausted(`login-account:${emailLookup}`, loginPerAccount, now);
  if (!account.allowed) throw tooMany(account.resetSeconds);
}

export async function recordFailedLogin(
  limiter: RateLimiter,
  emailLookup: string,
  now: Date,
): Promise<void> {
  await limiter.hit(`login-account:${emailLookup}`, loginPerAccount, now);
}

export async function limitRegistrations(
  limiter: RateLimiter,
  clientAddress: string,
  now: Date,
): Promise<void> {
  await enforce(limiter, `register-ip:${clientAddress}`, registrationPerAddress, now);
}

async function enforce(limiter: RateLimiter, bucket: string, rule: RateLimitRule, now: Date) {
  const decision = await limiter.hit(bucket, rule, now);
  if (!decision.allowed) throw tooMany(decision.resetSeconds);
}

function tooMany(retryAfterSeconds: number): AppError {
  return new AppError("RATE_LIMITED", "Too many attempts; try again later.", { retryAfterSeconds });
}
