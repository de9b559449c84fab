import { registerEnumType } from 'type-graphql';

export enum LocalHistoryMaterialKind {
  BOOK = 'BOOK',
  ARTICLE = 'ARTICLE',
  SCHOOL_STAND = 'SCHOOL_STAND',
  VIDEO = 'VIDEO',
  ARCHIVE_DOCUMENT = 'ARCHIVE_DOCUMENT',
  MUSEUM_EXHIBIT = 'MUSEUM_EXHIBIT',
}

registerEnumType(LocalHistoryMaterialKind, {
  name: 'LocalHistoryMaterialKind',
  description: 'Kind of a local history (olketanu) material',
  valuesConfig: {
    SCHOOL_STAND: { description: 'A school stand on its history or notable graduates' },
    ARCHIVE_DOCUMENT: { description: 'A digitised archive document' },
    MUSEUM_EXHIBIT: { description: 'An exhibit of a school museum' },
  },
});
