import type { ReactNode } from 'react';
import { Paper, Table } from '@mantine/core';

export interface Column {
  label: ReactNode;
  w?: number;
  ta?: 'right' | 'center';
}

/** The wide-screen table of a list: bordered, scrolling sideways below `minWidth`. */
export function ListTable({
  columns,
  minWidth,
  children,
  highlight = true,
  top,
  ...rest
}: {
  columns: Column[];
  minWidth: number;
  children: ReactNode;
  highlight?: boolean;
  top?: boolean;
  'data-testid'?: string;
}) {
  return (
    <Paper withBorder style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table
          highlightOnHover={highlight}
          verticalSpacing="sm"
          style={top ? { verticalAlign: 'top' } : undefined}
          data-testid={rest['data-testid']}
        >
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={i} w={c.w} ta={c.ta}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
