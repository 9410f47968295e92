import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DocumentEntity } from './document.entity';

@Injectable()
export class DocumentsService {
  constructor(private readonly dataSource: DataSource) {}

  list(workspaceId: string): Promise<DocumentEntity[]> {
    return this.dataSource.getRepository(DocumentEntity).find({ where: { workspaceId }, order: { updatedAt: 'DESC' } });
  }
}
