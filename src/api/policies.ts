/**
 * `brink/policies`: the bot interface and registry. A bot is a `Policy`: it chooses its side's action
 * from what that side observes. A registry is a value: `BUILTIN_POLICIES.with(entries)` returns a new
 * one with your bots added (an ID already taken is refused), which you pass to whoever plays; a
 * `--policy-module` exports `policies`, the entries, and the CLI does the same with them.
 */
export type { Policy, PolicyFactory } from '../policies/policy.ts';
export { PolicyRegistry, BUILTIN_POLICIES, getPolicy, policyIds, chooseAction, UnknownPolicyError } from '../policies/index.ts';
export { playGame, type PlayOptions } from '../policies/play.ts';
export type { WorldSampler } from '../engine/determinize.ts';
export type { Side } from '../model/actions.ts';
