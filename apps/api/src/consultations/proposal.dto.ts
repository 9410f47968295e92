import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ApplyProposalDto {
  @ApiProperty({ description: 'the words that go into the draft in place of the passage (the proposed wording, edited as staff see fit); empty deletes the passage' })
  @IsString()
  @MaxLength(20_000)
  text!: string;

  @ApiProperty({ description: 'the passage’s text in the draft as the person saw it; when it changed meanwhile nothing is written (409)' })
  @IsString()
  @MaxLength(200_000)
  expectedText!: string;
}
