// A bot of your own, as a module (docs/library.md). It exports `policies`, a record from bot ID to a
// factory `(side) => Policy`, so this file is also a `--policy-module`:
//
//   npx brink batch --policy-module measured.mjs --us-policy measured --runs 1000
import { actionById } from 'brink/engine';

/**
 * A bot is an object with an id, a name, a description and `choose`: from what its side observes (never
 * the real state) and its own random stream, it returns one of `obs.legal`. This one answers an attack
 * on US forces one rung above the ladder's current rung and otherwise takes the lowest rung on offer.
 */
export const measured = (side) => ({
  id: 'measured',
  name: 'Measured',
  description: 'answers attacks one rung up, otherwise the lowest rung',
  choose(obs) {
    const byRung = [...obs.legal].sort((a, b) => actionById(a).rung - actionById(b).rung);
    const last = obs.history.at(-1);
    if (side === 'us' && last && last.attacksOnUS > 0) {
      return byRung.find((id) => actionById(id).rung >= obs.rung + 1) ?? byRung.at(-1);
    }
    return byRung[0];
  },
});

export const policies = { measured };
