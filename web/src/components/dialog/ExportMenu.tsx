import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '../../i18n/dialog';
import { downloadFile } from '../../lib/download';
import { notifyError } from '../../lib/queryClient';

/** Export buttons (XLSX, CSV) for a list with filters. */
export function ExportMenu({ xlsx, csv, name }: { xlsx: string; csv: string; name: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = (path: string, file: string) => {
    setBusy(true);
    downloadFile(path, file)
      .catch((e: unknown) => notifyError(e))
      .finally(() => setBusy(false));
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy} data-testid="export-button">
          {t('dialog.download')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => run(xlsx, `${name}.xlsx`)} data-testid="export-xlsx">
          {t('dialog.downloadXlsx')}
        </Menu.Item>
        <Menu.Item onClick={() => run(csv, `${name}.csv`)} data-testid="export-csv">
          {t('dialog.downloadCsv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

