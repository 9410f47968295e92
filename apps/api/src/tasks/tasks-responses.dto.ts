import { ApiProperty } from '@nestjs/swagger';
import { PRESENCES } from '../decisions/dto/decisions-responses.dto';
import { DateTimeProperty, IdProperty, NullableIdProperty, NullableStringProperty } from '../platform/http/api-properties';

// What GET /api/workspaces/:id/my-tasks answers (TasksService.mine, DecisionTasks): each kind's items, the most urgent
// first, and how many of each kind wait.

export class TaskMemberDto {
  @IdProperty() id!: string;
  @ApiProperty() name!: string;
}

/** An open vote in which the representative can cast a ballot now (or after checking in). */
export class BallotTaskDto {
  @IdProperty() voteId!: string;
  @IdProperty() resolutionId!: string;
  @ApiProperty() resolutionTitle!: string;
  @NullableIdProperty({ description: 'null: a remote vote' }) meetingId!: string | null;
  @NullableStringProperty() meetingTitle!: string | null;
  @ApiProperty({ type: TaskMemberDto, description: 'the member whose ballot it is' }) member!: TaskMemberDto;
  @ApiProperty() byProxy!: boolean;
  @ApiProperty({ description: 'the member is not checked in at the meeting yet' }) checkInFirst!: boolean;
  @DateTimeProperty({ nullable: true, description: 'a remote vote’s closing time' }) dueAt!: string | null;
}

/** A meeting of a body the member belongs to that is open or still to come. */
export class MeetingTaskDto {
  @IdProperty() meetingId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'the body’s name' }) body!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ enum: ['planned', 'open'] }) state!: string;
  @DateTimeProperty({ description: 'when it starts' }) dueAt!: string;
  @ApiProperty({ enum: PRESENCES }) presence!: string;
}

export class TaskResolutionDto {
  @IdProperty() id!: string;
  @ApiProperty() number!: string;
  @ApiProperty() fullTitle!: string;
  @DateTimeProperty({ nullable: true }) decidedAt!: string | null;
}

/** A version adopted by a resolution of one of the member's bodies that the member has not approved yet. */
export class ApprovalTaskDto {
  @IdProperty() documentId!: string;
  @ApiProperty() documentTitle!: string;
  @IdProperty() versionId!: string;
  @ApiProperty({ type: 'integer' }) versionNumber!: number;
  @ApiProperty() versionName!: string;
  @ApiProperty({ type: TaskResolutionDto }) resolution!: TaskResolutionDto;
  @DateTimeProperty({ nullable: true, description: 'always null: no deadline' }) dueAt!: null;
}

/** A consultation comment to decide (assigned to the caller), to approve or to assign (coordinators). */
export class CommentTaskDto {
  @IdProperty() commentId!: string;
  @ApiProperty() number!: string;
  @ApiProperty() part!: string;
  @IdProperty() roundId!: string;
  @ApiProperty() roundTitle!: string;
  @ApiProperty({ enum: ['decide', 'approve', 'assign'] }) action!: string;
  @DateTimeProperty({ description: 'when the round’s report is due' }) dueAt!: string;
}

/** An unread mention of the caller. */
export class MentionTaskDto {
  @IdProperty() notificationId!: string;
  @IdProperty() documentId!: string;
  @ApiProperty() documentTitle!: string;
  @NullableIdProperty() threadId!: string | null;
  @NullableStringProperty({ description: 'who mentioned the caller' }) actor!: string | null;
  @ApiProperty() excerpt!: string;
  @DateTimeProperty() createdAt!: string;
  @DateTimeProperty({ nullable: true, description: 'always null: no deadline' }) dueAt!: null;
}

/** A consultation round's next deadline within the horizon (or already passed). */
export class DeadlineTaskDto {
  @IdProperty() roundId!: string;
  @ApiProperty() roundTitle!: string;
  @ApiProperty({ enum: ['opens', 'closes', 'report'] }) deadline!: string;
  @DateTimeProperty() dueAt!: string;
}

export class TaskCountsDto {
  @ApiProperty({ type: 'integer' }) ballots!: number;
  @ApiProperty({ type: 'integer' }) meetings!: number;
  @ApiProperty({ type: 'integer' }) approvals!: number;
  @ApiProperty({ type: 'integer' }) comments!: number;
  @ApiProperty({ type: 'integer' }) mentions!: number;
  @ApiProperty({ type: 'integer' }) deadlines!: number;
}

export class MyTasksDto {
  @ApiProperty({ type: TaskCountsDto, description: 'how many of each kind wait (the lists hold at most 20 of them)' }) counts!: TaskCountsDto;
  @ApiProperty({ type: [BallotTaskDto] }) ballots!: BallotTaskDto[];
  @ApiProperty({ type: [MeetingTaskDto] }) meetings!: MeetingTaskDto[];
  @ApiProperty({ type: [ApprovalTaskDto] }) approvals!: ApprovalTaskDto[];
  @ApiProperty({ type: [CommentTaskDto] }) comments!: CommentTaskDto[];
  @ApiProperty({ type: [MentionTaskDto] }) mentions!: MentionTaskDto[];
  @ApiProperty({ type: [DeadlineTaskDto] }) deadlines!: DeadlineTaskDto[];
}
