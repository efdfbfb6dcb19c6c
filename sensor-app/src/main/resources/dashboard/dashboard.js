// The Lambda+ dashboard: polls the app server's /api endpoints every second and draws what they say.
// Every value from the server is put into the page as text (textContent,
// createElement), never parsed as HTML: readings and job names are data, not markup.
(function () {
  'use strict';

  const POLL_MS = 1000;
  const chartElement = document.getElementById('chart');
  const chart = window.echarts ? echarts.init(chartElement) : null;
  const statusElement = document.getElementById('status');

  if (chart) {
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: ['avg', 'min', 'max'] },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', scale: true },
      series: [
        { name: 'avg', type: 'line', showSymbol: false, data: [] },
        { name: 'min', type: 'line', showSymbol: false, lineStyle: { type: 'dashed', width: 1 }, data: [] },
        { name: 'max', type: 'line', showSymbol: false, lineStyle: { type: 'dashed', width: 1 }, data: [] }
      ]
    });
    window.addEventListener('resize', () => chart.resize());
  }

  function number(value, digits) {
    return typeof value === 'number' && isFinite(value) ? value.toFixed(digits) : '–';
  }

  function age(ms) {
    if (typeof ms !== 'number') {
      return 'unknown';
    }
    if (ms < 0) {
      return 'in ' + (-ms / 1000).toFixed(1) + ' s';
    }
    if (ms < 120000) {
      return (ms / 1000).toFixed(1) + ' s ago';
    }
    return Math.round(ms / 60000) + ' min ago';
  }

  function time(epochMs) {
    return typeof epochMs === 'number' ? new Date(epochMs).toLocaleTimeString() : '–';
  }

  async function getJson(path) {
    const response = await fetch(path, { cache: 'no-store' });
    if (!response.ok) {
      let message = response.status + ' ' + response.statusText;
      try {
        const body = await response.json();
        if (body && body.error) {
          message = body.error;
        }
      } catch (ignored) {
        // not JSON: keep the status line
      }
      throw new Error(path + ': ' + message);
    }
    return response.json();
  }

  function drawChart(series) {
    const seconds = Array.isArray(series.seconds) ? series.seconds : [];
    if (chart) {
      chart.setOption({
        series: [
          { name: 'avg', data: seconds.map(p => [p.second, p.avg]) },
          { name: 'min', data: seconds.map(p => [p.second, p.min]) },
          { name: 'max', data: seconds.map(p => [p.second, p.max]) }
        ]
      });
    }
    chartElement.dataset.points = String(seconds.length);
    const by = series.writtenBy || {};
    document.getElementById('written-by').textContent = (series.buckets || 0) + ' bucket rows: '
      + (by.speed || 0) + ' by the speed layer, ' + (by.batch || 0) + ' by the batch layer.';
  }

  function drawSensors(rows) {
    const body = document.querySelector('#sensor-table tbody');
    const fresh = document.createDocumentFragment();
    for (const row of Array.isArray(rows) ? rows : []) {
      const tr = document.createElement('tr');
      tr.dataset.sensorId = String(row.sensor_id);
      const cells = [String(row.sensor_id), String(row.count), number(row.avg, 3), number(row.min, 3),
        number(row.max, 3), number(row.last_reading, 3)];
      for (const text of cells) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      }
      fresh.appendChild(tr);
    }
    body.replaceChildren(fresh);
  }

  function drawFreshness(freshness) {
    const speed = freshness.speed || {};
    document.getElementById('speed-freshness').textContent = typeof speed.newestBucket === 'number'
      ? 'newest bucket ' + time(speed.newestBucket) + ' (' + age(speed.ageMs) + ', written by '
        + (speed.writtenBy || 'unknown') + ')'
      : 'no bucket in the last 2 minutes';
    const runs = Array.isArray(freshness.batch) ? freshness.batch : [];
    document.getElementById('batch-freshness').textContent = runs.length === 0
      ? 'no batch run yet'
      : runs.map(run => String(run.job) + ': cutoff ' + time(run.cutoff) + ' (' + age(run.cutoffAgeMs)
        + '), finished ' + age(run.finishedAgeMs)).join('; ');
  }

  async function refresh() {
    try {
      const [series, sensors, freshness] = await Promise.all([
        getJson('/api/bucket-rollups?minutes=3'), getJson('/api/sensor-rollups'), getJson('/api/freshness')]);
      drawChart(series);
      drawSensors(sensors);
      drawFreshness(freshness);
      chartElement.dataset.updated = new Date().toISOString();
      statusElement.textContent = 'updated ' + new Date().toLocaleTimeString();
      statusElement.classList.remove('error');
    } catch (error) {
      statusElement.textContent = 'cannot refresh: ' + error.message;
      statusElement.classList.add('error');
    } finally {
      setTimeout(refresh, POLL_MS);
    }
  }

  refresh();
})();
