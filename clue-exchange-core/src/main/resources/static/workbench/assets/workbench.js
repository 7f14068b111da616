// Hands each chart's option, drawn up on the server, to ECharts; the page reads the same without it.
document.querySelectorAll('.chart-canvas[data-option]').forEach(function (element) {
    var chart = echarts.init(element, null, {renderer: 'svg'});
    chart.setOption(JSON.parse(element.getAttribute('data-option')));
    window.addEventListener('resize', function () { chart.resize(); });
});
