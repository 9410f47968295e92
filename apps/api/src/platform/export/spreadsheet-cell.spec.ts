import { csvField, spreadsheetRow, spreadsheetText } from './spreadsheet-cell';

describe('spreadsheet cells that cannot run as formulas', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
  ])('neutralises %j', (text, expected) => {
    expect(spreadsheetText(text)).toBe(expected);
  });

  it('leaves other text alone, including formula characters that do not start it', () => {
    for (const text of ['', 'Kolej do Goleniowa', ' =1+1', 'a=b', '1-2', "'quoted", 'U/2026/0001']) expect(spreadsheetText(text)).toBe(text);
  });

  it('writes CSV fields as RFC 4180 has them, neutralised before they are quoted', () => {
    expect(csvField('zwykły tekst')).toBe('zwykły tekst');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('powiedział "tak"')).toBe('"powiedział ""tak"""');
    expect(csvField('dwie\r\nlinie')).toBe('"dwie\r\nlinie"');
    expect(csvField('w celu 1; harmonogram')).toBe('"w celu 1; harmonogram"');
    expect(csvField('=HYPERLINK("http://x.example","klik")')).toBe('"\'=HYPERLINK(""http://x.example"",""klik"")"');
    expect(csvField("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvField('＝1+1')).toBe("'＝1+1");
  });

  it('keeps numbers numbers: a negative number is not a formula', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField('-3')).toBe("'-3");
    const date = new Date(0);
    expect(spreadsheetRow(['=1+1', -3, 12, null, date, 'tekst'])).toEqual(["'=1+1", -3, 12, null, date, 'tekst']);
  });
});
