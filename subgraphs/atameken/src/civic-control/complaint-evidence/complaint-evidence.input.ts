import { ArrayMaxSize, ArrayMinSize } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { MAX_EVIDENCE } from './complaint-evidence.service';

@ArgsType()
export class AddComplaintEvidenceArgs {
  @Field(() => ID)
  id: string;

  @Field(() => [ID], { description: `Ids from the gateway's upload endpoint (POST /evidence); at most ${MAX_EVIDENCE} files on a complaint in all` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVIDENCE)
  evidence: string[];
}
