/** `brink/scenario`: load, validate and list scenarios (YAML files checked against the zod schema). */
export {
  loadScenario,
  loadScenarioFile,
  parseScenario,
  listScenarioIds,
  formatIssue,
  ScenarioError,
  type ScenarioIssue,
} from '../scenario/loader.ts';
export { ScenarioSchema, type Scenario, type ScenarioInput } from '../scenario/schema.ts';
