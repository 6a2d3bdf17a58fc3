// The print layout route (#/print/…): one view's header block and its whole
// table (not virtualized) on white A4 pages, in the requested language and
// date style. Main opens it in a hidden window (Electron) or headless
// Chromium (harness), waits for PRINT_READY_ATTRIBUTE on <html>, then prints
// it or saves it as PDF. Page numbers and the footer are @page margin boxes.
import { useEffect, useRef, useState } from 'react';
import type { ViewRef } from '../../../shared/bridge';
import { PRINT_ERROR_ATTRIBUTE, PRINT_READY_ATTRIBUTE, type PrintRequest } from '../../../shared/print-route';
import { ErrorBoundary, technicalMessage } from '../components/ErrorBoundary';
import { describeError } from '../errors';
import { FormatProvider, useFormat } from '../format-context';
import { I18nProvider, useI18n } from '../i18n';
import { installPageRules } from './page-rules';
import { loadPrintDocument, type PrintDocument } from './print-document';

export function PrintApp(props: { request: PrintRequest }) {
  const { language, dateStyle } = props.request.presentation;
  return (
    <I18nProvider language={language}>
      <FormatProvider options={{ language, dateStyle }}>
        <ErrorBoundary fallback={(error) => <PrintFailure error={error} />}>
          <PrintLayout view={props.request.view} />
        </ErrorBoundary>
      </FormatProvider>
    </I18nProvider>
  );
}

type Loaded = { document: PrintDocument; error?: undefined } | { document?: undefined; error: unknown };

function PrintLayout(props: { view: ViewRef }) {
  const { t, language } = useI18n();
  const format = useFormat();
  const [generatedAt] = useState(() => new Date().toISOString());
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const rulesInstalled = useRef(false);

  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('print-mode');
    root.lang = language;
  }, [language]);

  useEffect(() => {
    let live = true;
    loadPrintDocument(props.view, { t, format }).then(
      (doc) => {
        if (live) setLoaded({ document: doc });
      },
      (error: unknown) => {
        if (live) setLoaded({ error });
      },
    );
    return () => {
      live = false;
    };
  }, [props.view, t, format]);

  // Once the data is on screen: the page's margin boxes, the title, then the ready mark.
  useEffect(() => {
    if (loaded === null) return;
    const root = document.documentElement;
    const doc = loaded.document;
    if (doc) {
      document.title = doc.documentTitle;
      if (!rulesInstalled.current) {
        rulesInstalled.current = true;
        const generated = t('print.generated', { when: format.localDateTime(generatedAt) });
        installPageRules(
          {
            footer: doc.supportPhone ? `${generated}  ·  ${t('print.assistance', { phone: doc.supportPhone })}` : generated,
            pageNumber: t('print.pageNumber'),
            runningHeader: doc.documentTitle,
          },
          document.styleSheets,
        );
      }
    } else {
      root.setAttribute(PRINT_ERROR_ATTRIBUTE, describeError(loaded.error, t));
    }
    let live = true;
    void document.fonts.ready
      .then(() => (doc?.chart ? chartDrawn() : undefined))
      .then(() => {
        if (live) root.setAttribute(PRINT_READY_ATTRIBUTE, '');
      });
    return () => {
      live = false;
    };
  }, [loaded, t, format, generatedAt]);

  if (loaded === null) return <div className="print-layout" aria-busy="true" />;
  if (!loaded.document) {
    return (
      <div className="print-layout">
        <p className="print-brand">{t('print.brand')}</p>
        <p role="alert" className="print-note">
          {t('print.loadFailed', { message: describeError(loaded.error, t) })}
        </p>
      </div>
    );
  }
  return <PrintPage doc={loaded.document} generatedAt={generatedAt} />;
}

/** Resolves once the chart's bars are in the page (recharts draws after its first render), or after about two seconds. */
function chartDrawn(): Promise<void> {
  return new Promise((resolve) => {
    let frames = 0;
    const check = () => {
      if (document.querySelector('.print-chart .recharts-bar-rectangle') || frames++ > 120) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
}

/** The layout threw while rendering: nothing to print, and main is told why (the ready mark with the error). */
function PrintFailure(props: { error: unknown }) {
  const { t } = useI18n();
  const message = `${t('viewError.title')}: ${technicalMessage(props.error)}`;
  useEffect(() => {
    const root = document.documentElement;
    root.setAttribute(PRINT_ERROR_ATTRIBUTE, message);
    root.setAttribute(PRINT_READY_ATTRIBUTE, '');
  }, [message]);
  return (
    <div className="print-layout" data-testid="view-error">
      <p className="print-brand">{t('print.brand')}</p>
      <p role="alert" className="print-note">
        {message}
      </p>
    </div>
  );
}

function PrintPage(props: { doc: PrintDocument; generatedAt: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const { doc } = props;
  return (
    <div className="print-layout" data-testid="print-layout">
      <header className="print-header">
        <p className="print-brand">{t('print.brand')}</p>
        <div className="print-title-row">
          <h1 className="print-title">{doc.title}</h1>
          {doc.archived ? <span className="print-badge">{t('print.archived')}</span> : null}
        </div>
        <div className="print-facts">
          {doc.factGroups.map((facts, index) => (
            <dl key={index} className="print-fact-group">
              {facts.map((fact) => (
                <div key={fact.label} className="print-fact">
                  <dt>{fact.label}</dt>
                  <dd>{fact.value}</dd>
                </div>
              ))}
            </dl>
          ))}
        </div>
        <p className="print-meta">
          <span>{t('print.generated', { when: format.localDateTime(props.generatedAt) })}</span>
          <span>{doc.dataAsOf ? t('print.dataAsOf', { when: format.localDateTime(doc.dataAsOf) }) : t('print.neverSynced')}</span>
        </p>
        {doc.notes.map((note) => (
          <p key={note} className="print-note">
            {note}
          </p>
        ))}
      </header>
      {doc.chart ? (
        <div className="print-chart">
          <doc.chart.Chart data={doc.chart.data} width={680} />
        </div>
      ) : null}
      {doc.rows.length === 0 ? <p className="print-empty">{doc.emptyText}</p> : <PrintTable doc={doc} />}
    </div>
  );
}

function PrintTable(props: { doc: PrintDocument }) {
  const { doc } = props;
  const classes = doc.columns.map((column) => (column.numeric ? 'print-number' : column.wrap ? 'print-wrap' : undefined));
  const cellClass = (index: number) => classes[index];
  return (
    <table className="print-table" data-testid="print-table">
      <thead>
        <tr>
          {doc.columns.map((column, index) => {
            const sorted = doc.sort?.column === column.id ? doc.sort.direction : undefined;
            return (
              <th key={column.id} scope="col" className={cellClass(index)} aria-sort={sorted}>
                {column.header}
                {sorted ? <span aria-hidden="true">{sorted === 'ascending' ? ' ▲' : ' ▼'}</span> : null}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {doc.rows.map((cells, row) => (
          // Rows are fixed once printed: their position is their identity.
          <tr key={row}>
            {cells.map((cell, index) => (
              <td key={doc.columns[index]?.id ?? index} className={cellClass(index)}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
        {doc.total ? (
          <tr className="print-total" data-testid="print-total">
            {doc.total.map((cell, index) => (
              <td key={doc.columns[index]?.id ?? index} className={cellClass(index)}>
                {cell}
              </td>
            ))}
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
