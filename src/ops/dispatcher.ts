/**
 * A registry of handlers keyed by op class (or any key), shared by the
 * renderers, the execution implementations and plugins. Lookup walks a class
 * key's prototype chain, so a handler for a base class serves its
 * subclasses, and tries the qualifier (a dialect name) before "default".
 * Registering the same key and qualifier twice is an error unless
 * `{ replace: true }`; a missing handler is an error, never a silent skip.
 */
export class DuplicateHandlerError extends Error {
  override readonly name = "DuplicateHandlerError";
}

export class MissingHandlerError extends Error {
  override readonly name = "MissingHandlerError";
}

export interface RegisterOptions {
  /** A dialect name; "default" serves every dialect without its own handler. */
  readonly qualifier?: string;
  readonly replace?: boolean;
}

export class Dispatcher<K, V> {
  readonly #handlers = new Map<K, Map<string, V>>();
  readonly #what: string;

  /** `what` names the registry in error messages ("renderer", "implementation"). */
  constructor(what: string) {
    this.#what = what;
  }

  register(key: K, value: V, options: RegisterOptions = {}): void {
    const qualifier = options.qualifier ?? "default";
    let byQualifier = this.#handlers.get(key);
    if (!byQualifier) this.#handlers.set(key, (byQualifier = new Map()));
    if (byQualifier.has(qualifier) && !options.replace) {
      throw new DuplicateHandlerError(
        `a ${this.#what} for ${describe(key)} (${qualifier}) is already registered; pass { replace: true } to replace it`,
      );
    }
    byQualifier.set(qualifier, value);
  }

  /** Removes a registration; returns whether there was one. */
  unregister(key: K, qualifier = "default"): boolean {
    return this.#handlers.get(key)?.delete(qualifier) ?? false;
  }

  /** The handler for `key` (or the nearest base class), or undefined. */
  find(key: K, qualifier = "default"): V | undefined {
    for (const k of chain(key)) {
      const byQualifier = this.#handlers.get(k as K);
      const value = byQualifier?.get(qualifier) ?? byQualifier?.get("default");
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** Like `find`, but a missing handler throws MissingHandlerError. */
  lookup(key: K, qualifier = "default"): V {
    const value = this.find(key, qualifier);
    if (value === undefined) throw new MissingHandlerError(`no ${this.#what} is registered for ${describe(key)} (${qualifier})`);
    return value;
  }
}

function* chain(key: unknown): Generator<unknown> {
  if (typeof key !== "function") {
    yield key;
    return;
  }
  for (let k: unknown = key; typeof k === "function" && k !== Function.prototype; k = Object.getPrototypeOf(k)) yield k;
}

function describe(key: unknown): string {
  return typeof key === "function" ? key.name : String(key);
}
