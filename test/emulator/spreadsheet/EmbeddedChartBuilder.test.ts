// Contract checks of EmbeddedChartBuilder: the chart spec a sheet keeps, modified and removed
// (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder).
import { runChecks, type Check } from '../harness';

const REF = 'https://developers.google.com/apps-script/reference/spreadsheet/';

export const embeddedChartBuilderChecks: Check[] = [
  {
    name: 'charts: newChart builds a spec that insertChart keeps; modify + updateChart; removeChart',
    source: REF + 'embedded-chart-builder',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const chart = sh
        .newChart()
        .asColumnChart()
        .addRange(sh.getRange('A1:B10'))
        .setPosition(2, 5, 0, 0)
        .setOption('title', '月度受理')
        .build();
      sh.insertChart(chart);
      const [c] = sh.getCharts();
      t.equal(c.getRanges()[0].getA1Notation(), 'A1:B10');
      t.equal(c.getContainerInfo().getAnchorColumn(), 5);
      t.equal(c.getOptions().get('title'), '月度受理');
      sh.updateChart(c.modify().asPieChart().setOption('title', '占比').build());
      t.equal(sh.getCharts()[0].getOptions().get('title'), '占比');
      t.equal(sh.getCharts()[0].modify().getChartType(), Charts.ChartType.PIE);
      sh.removeChart(sh.getCharts()[0]);
      t.equal(sh.getCharts().length, 0);
    },
  },
];

runChecks('spreadsheet.EmbeddedChartBuilder', embeddedChartBuilderChecks);
