import type { StorageLike } from './autosave.ts';

/** A Map-backed stand-in for localStorage. */
export class FakeStorage implements StorageLike {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, String(value));
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

/** Storage as private modes and blocked cookies present it: every call throws. */
export class ThrowingStorage implements StorageLike {
  constructor(private readonly errorName = 'SecurityError') {}
  private fail(): never {
    const error = new Error('The operation is insecure.');
    error.name = this.errorName;
    throw error;
  }
  getItem(): string | null {
    return this.fail();
  }
  setItem(): void {
    this.fail();
  }
  removeItem(): void {
    this.fail();
  }
}
