import { z } from 'zod';
import { ErrorBodySchema } from '../../shared/api/common';
import type { Endpoint } from '../../shared/api/endpoint';
import { API } from '../../shared/api/routes';

type JsonObject = { [key: string]: unknown };

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
  return rest;
}

const PropertiesShape = z.object({ properties: z.record(z.string(), z.unknown()).default({}), required: z.array(z.string()).default([]) });

/** A params or query object schema as OpenAPI parameters, one per property. */
function parameters(schema: z.ZodType | undefined, location: 'path' | 'query'): JsonObject[] {
  if (!schema) return [];
  const { properties, required } = PropertiesShape.parse(jsonSchema(schema, 'input'));
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.includes(name),
    schema: property,
  }));
}

const ERROR_RESPONSE = { description: 'An error: `{error: {code, message, details}}`', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

function operation(endpoint: Endpoint): JsonObject {
  const responses: JsonObject = {
    [String(endpoint.status ?? 200)]: endpoint.produces
      ? { description: 'Success', content: { [endpoint.produces]: { schema: { type: 'string', format: 'binary' } } } }
      : { description: 'Success', content: { 'application/json': { schema: jsonSchema(endpoint.response, 'output') } } },
    default: ERROR_RESPONSE,
  };
  if (endpoint.auth !== 'none') responses['401'] = ERROR_RESPONSE;
  if (endpoint.auth === 'seller') responses['429'] = { ...ERROR_RESPONSE, description: 'Rate limited; see Retry-After' };
  if (endpoint.params || endpoint.query || endpoint.body) responses['400'] = { ...ERROR_RESPONSE, description: 'Input that fails its schema; nothing was applied' };
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    ...(endpoint.auth === 'none' ? { security: [] } : { security: [{ [endpoint.auth === 'admin' ? 'adminKey' : 'sellerKey']: [] }] }),
    parameters: [...parameters(endpoint.params, 'path'), ...parameters(endpoint.query, 'query')],
    ...(endpoint.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(endpoint.body, 'input') } } } } : {}),
    responses,
  };
}

let built: JsonObject | undefined;

/** The OpenAPI 3.1 document, generated from the same contract and schemas the server validates with. */
export function openApiDocument(): JsonObject {
  if (built) return built;
  const paths: Record<string, JsonObject> = {};
  for (const endpoint of Object.values(API) as Endpoint[]) {
    const path = endpoint.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] = { ...paths[path], [endpoint.method]: operation(endpoint) };
  }
  built = {
    openapi: '3.1.0',
    info: {
      title: 'Sheetship sync server',
      version: '1',
      description:
        'Orders and stock for multi-channel sellers. Bearer keys: the admin key provisions sellers; a seller key acts for one seller. ' +
        'Error messages follow Accept-Language (ko by default); error codes are stable.',
    },
    components: {
      securitySchemes: {
        sellerKey: { type: 'http', scheme: 'bearer', description: 'A seller API key (ssk_…)' },
        adminKey: { type: 'http', scheme: 'bearer', description: 'SHEETSHIP_ADMIN_KEY' },
      },
      schemas: { Error: jsonSchema(ErrorBodySchema, 'output') },
    },
    paths,
  };
  return built;
}
