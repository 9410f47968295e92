import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, IdProperty } from '../platform/http/api-properties';
import { PersonNameDto } from '../documents/dto/document-responses.dto';
import { AnchorDto } from './comment.dto';

/** One comment of a thread on a document's passage. */
export class DocumentCommentDto {
  @IdProperty() id!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: PersonNameDto, nullable: true, description: 'null when the account is gone' }) author!: PersonNameDto | null;
  @ApiProperty({ type: [PersonNameDto], description: 'the people mentioned (notified in the app)' }) mentions!: PersonNameDto[];
  @DateTimeProperty() createdAt!: string;
}

/** A discussion on a passage of a document, oldest comment first. */
export class CommentThreadDto {
  @IdProperty() id!: string;
  @IdProperty() documentId!: string;
  @ApiProperty({ type: AnchorDto }) anchor!: AnchorDto;
  @ApiProperty({ description: 'the passage as it read when the thread was started' }) quote!: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: 'open' | 'resolved';
  @ApiProperty({ type: PersonNameDto, nullable: true }) createdBy!: PersonNameDto | null;
  @DateTimeProperty() createdAt!: string;
  @ApiProperty({ type: PersonNameDto, nullable: true }) resolvedBy!: PersonNameDto | null;
  @DateTimeProperty({ nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ type: [DocumentCommentDto] }) comments!: DocumentCommentDto[];
}
