import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, getSchemaPath, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from '../../app.module';
import { loadConfig } from '../config/app-config';
import type { Database } from '../database/database';
import { PROBLEM_JSON } from './error-filter';
import { FieldProblemDto, ProblemDetailsDto } from './problem-details.dto';

/** The OpenAPI document's header, the same for the served /api/docs and the generated web contract. */
export function openApiInfo(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle('Commonplan API')
    .setDescription('Participatory planning for associations of local governments')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
}

/** The document as the running server serves it at /api/docs-json. */
export function createOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, openApiInfo(), { extraModels: [ProblemDetailsDto, FieldProblemDto] });
  // Every operation may fail, and every failure is problem details (ErrorFilter).
  const problemResponse = {
    description: 'the request was refused or failed: RFC 9457 problem details with a stable `code`',
    content: { [PROBLEM_JSON]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      operation.responses = { ...operation.responses, default: problemResponse };
      // A handler that reads a route parameter through the access guard (the workspace of @CurrentMember) does not
      // declare it, but a client still has to fill it in.
      const declared = new Set((operation.parameters ?? []).map((parameter) => ('name' in parameter ? parameter.name : '')));
      const missing = templated.filter((name) => !declared.has(name));
      if (missing.length > 0) {
        operation.parameters = [
          ...missing.map((name) => ({ name, in: 'path' as const, required: true, schema: { type: 'string' as const } })),
          ...(operation.parameters ?? []),
        ];
      }
    }
  }
  return document;
}

/**
 * The document without a running server or database: Nest's preview mode reads the modules' and controllers'
 * metadata and instantiates no provider, so the database handed to AppModule is never touched.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({ NODE_ENV: 'test' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, {} as Database), {
    preview: true,
    logger: false,
    bodyParser: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
