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

export interface WorkflowVariable {
  name: string;
  /**
   * Whether the saved variable has a value. An AWS workflow's definition lists all six system
   * variables, the unused clouds' with an empty list (samples/workflow-details.json): those have none.
   */
  hasValue: boolean;
}

export interface WorkflowDefinition {
  /** The workflow's saved variables, in the definition's order. */
  variables: WorkflowVariable[];
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
  const saved = variables.map((v) => (v ?? {}) as { key?: unknown; value?: unknown });
  if (!saved.every((v) => typeof v.key === 'string' && VARIABLE_NAME.test(v.key))) {
    throw notDocumented('a variable of its definition has no key of the documented form');
  }
  return {
    variables: saved.map((v) => ({ name: v.key as string, hasValue: hasValue(v.value) })),
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

/** Values are lists (`["us-east-1"]`, `[]` for a cloud the workflow does not use); a bare value is accepted too. */
function hasValue(value: unknown): boolean {
  const list = Array.isArray(value) ? value : [value];
  return list.some((v) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === ''));
}

function nodeIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.filter(isNodeId);
}

function notDocumented(why: string): QFlowApiError {
  return new QFlowApiError(`QFlow's answer for the workflow's details is not the documented one: ${why}.`);
}
