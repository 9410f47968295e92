import { ApiProperty } from '@nestjs/swagger';
import { PublicRegisterEntryDto } from '../decisions/dto/decisions-responses.dto';
import { DateTimeProperty, IdProperty, NullableStringProperty } from '../platform/http/api-properties';
import { RECORD_KINDS } from './public-records.service';

export class PublicAssociationDto {
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty() shortName!: string;
  @NullableStringProperty() email!: string | null;
  @NullableStringProperty() phone!: string | null;
  @NullableStringProperty() address!: string | null;
  @NullableStringProperty({ description: 'who answers requests about accessibility' }) accessibilityContact!: string | null;
}

export class PublicAdoptedDocumentDto {
  @ApiProperty({ type: 'integer', description: 'the adopting resolution’s place in the register' }) position!: number;
  @ApiProperty() resolutionNumber!: string;
  @ApiProperty() bodyName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'integer' }) versionNumber!: number;
  @ApiProperty() versionName!: string;
  @ApiProperty({ description: 'SHA-256 of the adopted version’s content' }) contentHash!: string;
  @DateTimeProperty() adoptedAt!: string;
}

export class PublicConsultationDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() documentTitle!: string;
  @ApiProperty({ enum: ['announced', 'open', 'closed', 'report_published'] }) state!: 'announced' | 'open' | 'closed' | 'report_published';
  @DateTimeProperty() opensAt!: string;
  @DateTimeProperty() closesAt!: string;
  @ApiProperty({ type: 'integer' }) reportEditions!: number;
  @DateTimeProperty({ nullable: true }) reportPublishedAt!: string | null;
}

export class PublicProjectDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() scope!: string;
  @ApiProperty() expectedResults!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ format: 'date' }) stageOn!: string;
  @NullableStringProperty() leader!: string | null;
  @ApiProperty({ type: [String] }) participants!: string[];
  @NullableStringProperty({ format: 'date' }) startsOn!: string | null;
  @NullableStringProperty({ format: 'date' }) endsOn!: string | null;
  @ApiProperty({ type: Number, nullable: true }) coFinancingRate!: number | null;
}

export class PublicSiteRegisterDto {
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: [PublicRegisterEntryDto], description: 'the newest entries' }) latest!: PublicRegisterEntryDto[];
}

export class PublicPrivacyDto {
  @ApiProperty({ description: 'the information clause on personal data (art. 13 GDPR) of the association’s consultations' }) clause!: string;
  @ApiProperty({ type: 'integer', description: 'days after a report’s publication that commenters’ contact data is kept' }) contactRetentionDays!: number;
}

export class PublicSiteDto {
  @ApiProperty({ type: PublicAssociationDto }) association!: PublicAssociationDto;
  @ApiProperty({ type: [PublicAdoptedDocumentDto] }) documents!: PublicAdoptedDocumentDto[];
  @ApiProperty({ type: [PublicConsultationDto] }) consultations!: PublicConsultationDto[];
  @ApiProperty({ type: PublicSiteRegisterDto }) register!: PublicSiteRegisterDto;
  @ApiProperty({ type: [PublicProjectDto] }) projects!: PublicProjectDto[];
  @ApiProperty({ type: PublicPrivacyDto }) privacy!: PublicPrivacyDto;
}

export class RecordChangeDto {
  @DateTimeProperty() at!: string;
  @ApiProperty({ description: 'adopted, amended, repealed; announced, changed, opened, closed, meeting_added, meeting_changed, publication_changed, report_published; edition' })
  change!: string;
  @NullableStringProperty() by!: string | null;
  @NullableStringProperty() detail!: string | null;
}

export class RecordFileDto {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'the file’s address on the site' }) href!: string;
  @ApiProperty() mediaType!: string;
}

export class PublicRecordDto {
  @ApiProperty({ enum: RECORD_KINDS, enumName: 'RecordKind' }) kind!: string;
  @ApiProperty() key!: string;
  @ApiProperty() title!: string;
  @ApiProperty() association!: string;
  @ApiProperty({ description: 'the body or office that produced the information' }) producer!: string;
  @DateTimeProperty() producedAt!: string;
  @NullableStringProperty() responsible!: string | null;
  @NullableStringProperty() enteredBy!: string | null;
  @DateTimeProperty() publishedAt!: string;
  @ApiProperty() page!: string;
  @ApiProperty({ type: [RecordChangeDto] }) history!: RecordChangeDto[];
  @ApiProperty({ type: [RecordFileDto] }) files!: RecordFileDto[];
}

export class AuditedPageDto {
  @ApiProperty({ description: 'the page’s path, ids generalised' }) path!: string;
  @ApiProperty({ type: 'integer' }) checks!: number;
  @ApiProperty({ type: [String], description: 'axe-core rules that failed on it' }) violations!: string[];
}

export class AccessibilityAuditDto {
  @DateTimeProperty() checkedAt!: string;
  @ApiProperty() standard!: string;
  @ApiProperty() tool!: string;
  @ApiProperty({ type: 'integer' }) checks!: number;
  @ApiProperty({ type: [AuditedPageDto] }) pages!: AuditedPageDto[];
}

export class AccessibilityStatementDto {
  @ApiProperty({ type: PublicAssociationDto }) association!: PublicAssociationDto;
  @ApiProperty({ description: 'the site’s address' }) siteUrl!: string;
  @ApiProperty({ format: 'date', description: 'when the site was first published (the association’s start in Commonplan)' }) publishedOn!: string;
  @ApiProperty({ format: 'date', description: 'the statement’s date: the later of the last check and the last change of its details' }) preparedOn!: string;
  @ApiProperty({ enum: ['compliant', 'partially_compliant'] }) status!: 'compliant' | 'partially_compliant';
  @ApiProperty({ type: AccessibilityAuditDto }) audit!: AccessibilityAuditDto;
}
