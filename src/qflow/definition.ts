/**
 * A workflow's definition, from its details: `GET /qflowapi/v1/workflows/{id}` answers
 * `{data: {id, revision, definition}}`, where `definition` is itself a JSON string holding
 * `variables[]` (`{key, value}`) and `components[]`, the nodes (`id` is the nodeId that step lists use,
 * with `name`, `type`, `next`, `previous`) (qflow-api.md, "Workflow details and its definition").
 * Whether `next` can hold several IDs is open: a string or a list is accepted. What does not have the
 * documented form is refused as a whole (the caller goes on without the checks it would allow), except
 * single nodes whose ID is not a node ID, which are left out.
 */
import { QFlowApiError } from '../errors.js';
import { isNodeId, plainText } from './forms.js';

export interface WorkflowComponent {
  /** The node ID. */
  id: string;
  name: string;
  type: string;
  next: string[];
  previous: string[];
}

export interface WorkflowDefinition {
  /** The names of the workflow's variables, as saved. */
  variables: string[];
  components: WorkflowComponent[];
}

/** A variable name as QFlow shows them (`region`, `credentials_azure`, `connectorId`). */
const VARIABLE_NAME = /^[A-Za-z0-9_.-]{1,200}$/;
/** A definition larger than this is not read (it would be a runaway answer, not a workflow). */
const MAX_DEFINITION_CHARS = 4 * 1024 * 1024;

export function readDefinition(answer: unknown): WorkflowDefinition {
  const data = (answer as { data?: unknown } | null)?.data ?? answer;
  const text = (data as { definition?: unknown } | null)?.definition;
  let definition: unknown = text;
  if (typeof text === 'string') {
    if (text.length > MAX_DEFINITION_CHARS) throw notDocumented('its definition is larger than 4 MiB');
    try {
      definition = JSON.parse(text);
    } catch {
      throw notDocumented('its definition is not JSON');
    }
  }
  if (definition === null || typeof definition !== 'object') throw notDocumented('it has no definition');
  const { variables, components } = definition as { variables?: unknown; components?: unknown };
  if (!Array.isArray(variables) || !Array.isArray(components)) throw notDocumented('its definition has no variables and components lists');
  const names = variables.map((v) => (v as { key?: unknown } | null)?.key);
  if (!names.every((name): name is string => typeof name === 'string' && VARIABLE_NAME.test(name))) {
    throw notDocumented('a variable of its definition has no key of the documented form');
  }
  return {
    variables: names,
    components: components.flatMap((c) => {
      const node = c as Record<string, unknown> | null;
      if (!node || !isNodeId(node.id)) return [];
      return [
        {
          id: node.id,
          name: plainText(node.name, 80) || node.id,
          type: plainText(node.type, 60),
          next: nodeIds(node.next),
          previous: nodeIds(node.previous),
        },
      ];
    }),
  };
}

function nodeIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.filter(isNodeId);
}

function notDocumented(why: string): QFlowApiError {
  return new QFlowApiError(`QFlow's answer for the workflow's details is not the documented one: ${why}.`);
}
