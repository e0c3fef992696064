/**
 * The infinite row model's source: listFlags page by page, so 100,000 flags show their first
 * rows as soon as the first page is read. The header's count comes from countFlags, apart.
 */
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { Args } from '../../../shared/api';
import { api } from '../../api/client';

export type FlagQuery = Omit<Args<'listFlags'>, 'limit' | 'offset'>;

export function flagDatasource(query: FlagQuery, onError: (message: string) => void): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      const limit = params.endRow - params.startRow;
      api.listFlags({ ...query, limit, offset: params.startRow }).then(
        (rows) => {
          // A short page is the last one: the grid then knows where the queue ends.
          params.successCallback(rows, rows.length < limit ? params.startRow + rows.length : undefined);
        },
        (err: unknown) => {
          params.failCallback();
          onError(err instanceof Error ? err.message : String(err));
        },
      );
    },
  };
}
