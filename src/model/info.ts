/**
 * The `info` bag every model object carries. It is the one mutable part of an
 * otherwise frozen model, on purpose: it is where plugins keep their own
 * objects (the reference's sequence comparator stores names in
 * `metadata.info`), and it never takes part in comparison.
 */
export type Info = Record<string, unknown>;

export function newInfo(from?: Info): Info {
  return { ...(from ?? {}) };
}
