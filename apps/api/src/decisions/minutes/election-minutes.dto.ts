import { ApiProperty } from '@nestjs/swagger';
import { IdProperty, NullableStringProperty } from '../../platform/http/api-properties';

// The elections in the minutes (election-minutes.ts), for the OpenAPI document.

export class MinutesElectionFactDto {
  @ApiProperty() label!: string;
  @ApiProperty() value!: string;
}

export class MinutesElectionCandidateDto {
  @IdProperty() candidateId!: string;
  @ApiProperty({ description: '"Anna Nowak (Gmina Police)"' }) name!: string;
  @ApiProperty() nominatedBy!: string;
  @ApiProperty() consent!: string;
  @ApiProperty({ description: 'consent given and not withdrawn' }) standing!: boolean;
  @ApiProperty() elected!: boolean;
  @ApiProperty() text!: string;
}

export class MinutesElectionRoundCandidateDto {
  @IdProperty() candidateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) for!: number;
  @ApiProperty({ type: 'integer' }) against!: number;
  @ApiProperty({ type: 'integer' }) abstain!: number;
  @ApiProperty() threshold!: string;
  @ApiProperty() elected!: boolean;
  @ApiProperty() resultText!: string;
}

export class MinutesElectionBallotsDto {
  @ApiProperty({ type: 'integer' }) cast!: number;
  @ApiProperty({ type: 'integer' }) valid!: number;
  @ApiProperty({ type: 'integer' }) invalid!: number;
  @ApiProperty({ type: 'integer' }) blank!: number;
  @ApiProperty() text!: string;
}

export class MinutesElectionRoundDto {
  @ApiProperty({ type: 'integer' }) n!: number;
  @ApiProperty() heading!: string;
  @ApiProperty({ type: 'integer' }) seatsOpen!: number;
  @ApiProperty({ enum: ['open', 'closed'] }) state!: string;
  @NullableStringProperty() quorum!: string | null;
  @ApiProperty({ type: MinutesElectionBallotsDto, nullable: true }) ballots!: MinutesElectionBallotsDto | null;
  @ApiProperty({ type: [MinutesElectionRoundCandidateDto] }) candidates!: MinutesElectionRoundCandidateDto[];
  @ApiProperty({ type: [String] }) elected!: string[];
  @NullableStringProperty() electedText!: string | null;
  @NullableStringProperty() next!: string | null;
  @NullableStringProperty({ description: 'the draw by lot the round asked for, once recorded' }) lot!: string | null;
  @NullableStringProperty() secretNote!: string | null;
  @NullableStringProperty() ballotsDigest!: string | null;
}

export class MinutesElectionAdoptionDto {
  @ApiProperty() number!: string;
  @ApiProperty() fullTitle!: string;
}

export class MinutesElectionDto {
  @IdProperty() electionId!: string;
  @ApiProperty({ type: 'integer', nullable: true }) position!: number | null;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [MinutesElectionFactDto] }) facts!: MinutesElectionFactDto[];
  @ApiProperty({ type: [MinutesElectionCandidateDto] }) candidates!: MinutesElectionCandidateDto[];
  @ApiProperty({ type: [MinutesElectionRoundDto] }) rounds!: MinutesElectionRoundDto[];
  @NullableStringProperty() resultText!: string | null;
  @ApiProperty({ type: MinutesElectionAdoptionDto, nullable: true }) adopted!: MinutesElectionAdoptionDto | null;
}
