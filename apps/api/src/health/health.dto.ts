import { ApiProperty } from '@nestjs/swagger';

/** The process runs (liveness). */
export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

/** Whether this instance can serve requests now (readiness), and what it checked. */
export class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'error'], description: 'ok: send it requests (HTTP 200); error: do not (HTTP 503)' }) status!: 'ok' | 'error';
  @ApiProperty({ enum: ['ok', 'error'], description: 'the database answered SELECT 1 in time' }) database!: 'ok' | 'error';
  @ApiProperty({ enum: ['ok', 'error', 'off'], description: 'Redis answered PING in time; off: no REDIS_URL (one instance)' }) redis!: 'ok' | 'error' | 'off';
  @ApiProperty({ description: 'the instance has begun to shut down: requests under way finish, new ones go elsewhere' }) shuttingDown!: boolean;
}
