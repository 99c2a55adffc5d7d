import { type Algorithm, hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's minimum memory (19 MiB): about a quarter second on a Raspberry
// Pi Zero 2 W, and several hashes at once still fit in its 512 MB.
const options = {
  // Algorithm is a const enum, which type stripping cannot inline: 2 is Argon2id (the
  // tests check the "$argon2id$" prefix of the result).
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** False for a wrong password and for a hash that cannot be read; never throws on input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real verification when the e-mail address is unknown, so that
 * response times do not tell which addresses have accounts.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
  dummyHash ??= hashPassword("not the password of anyone at all");
  await verifyPassword(await dummyHash, password);
  return false;
}
