/**
 * The infinite row model's source: listFlags page by page, so 100,000 flags show their first
 * rows as soon as the first page is read. The total is known once a page comes back short.
 */
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { Args } from '../../../shared/api';
import { api } from '../../api/client';

export type FlagQuery = Omit<Args<'listFlags'>, 'limit' | 'offset'>;

export interface Count { rows: number; exact: boolean }

export function flagDatasource(query: FlagQuery, onCount: (c: Count) => void, onError: (message: string) => void): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      const limit = params.endRow - params.startRow;
      api.listFlags({ ...query, limit, offset: params.startRow }).then(
        (rows) => {
          const last = rows.length < limit ? params.startRow + rows.length : undefined;
          params.successCallback(rows, last);
          onCount({ rows: last ?? params.endRow, exact: last !== undefined });
        },
        (err: unknown) => {
          params.failCallback();
          onError(err instanceof Error ? err.message : String(err));
        },
      );
    },
  };
}
