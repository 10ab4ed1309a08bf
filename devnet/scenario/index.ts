export { buildCast, type Cast, type Cold, type Validator } from "./actors";
export { CallFactory } from "./calls";
export {
  createScenario,
  type FlowKind,
  type Scenario,
  type ScenarioOptions,
  type ScenarioStats,
} from "./driver";
export { Prng } from "./prng";
export { scenarioRuntimes } from "./runtimes";
