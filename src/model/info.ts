/**
 * The `info` bag every model object carries. It is the one mutable part of an
 * otherwise frozen model, on purpose: it is where plugins keep their own
 * objects (the reference's sequence comparator stores names in
 * `metadata.info`), and it never takes part in comparison.
 */
export type Info = Record<string, unknown>;

/**
 * Gives a model class its `info` bag, copied from the props it was built
 * from, or made at first use: most objects never get anything in it, and a
 * 10,000-table model has over 200,000 of them. The bag is a private field,
 * so it stays writable when the object is frozen. `info` is a getter, not an
 * own property: spreading a model object does not carry it, so a copy made
 * by spreading passes `info: source.info` along.
 */
export abstract class HasInfo {
  #info: Info | undefined;

  constructor(info: Info | undefined) {
    if (info) this.#info = { ...info };
  }

  get info(): Info {
    return (this.#info ??= {});
  }
}
