/**
 * The acceptance suites are slow because each dialect's server does its part
 * in turn. `startInLanes` runs the cases in one lane per dialect (a lane runs
 * its cases in order), so the three servers work at once; each uvu test
 * awaits its own case's outcome and reports it as usual. The lanes start
 * when the suite's first test runs, not when the file is imported (uvu
 * imports every file before running any), so suites never overlap.
 */
export interface LaneCase {
  readonly lane: string;
  run(): Promise<void>;
}

type Outcome = { ok: true } | { ok: false; error: unknown };

export function startInLanes(cases: readonly LaneCase[]): Array<() => Promise<void>> {
  let outcomes: Array<Promise<Outcome>> | undefined;
  const start = () => {
    const tails = new Map<string, Promise<unknown>>();
    return cases.map((c) => {
      // Settled, so a failure waits for its test instead of becoming an unhandled rejection.
      const outcome = (tails.get(c.lane) ?? Promise.resolve())
        .then(() => c.run())
        .then(
          (): Outcome => ({ ok: true }),
          (error: unknown): Outcome => ({ ok: false, error }),
        );
      tails.set(c.lane, outcome);
      return outcome;
    });
  };
  return cases.map((_, i) => async () => {
    outcomes ??= start();
    const result = await outcomes[i];
    if (!result.ok) throw result.error;
  });
}

/** Registers `cases` as uvu tests whose work runs in lanes (see `startInLanes`). */
export function testInLanes(
  test: (name: string, fn: () => Promise<void>) => void,
  cases: ReadonlyArray<LaneCase & { readonly name: string }>,
): void {
  const outcomes = startInLanes(cases);
  cases.forEach((c, i) => test(c.name, outcomes[i]));
}
