package org.passerelle.reporting;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's charts, drawn on the server with JFreeChart as PNG images (our pages run no script). A chart that
 * cannot be drawn (a machine without fonts) is left out: the tables below say the same.
 */
final class FunnelCharts {

    private static final Logger log = LoggerFactory.getLogger(FunnelCharts.class);
    private static final int SHOWN_GROUPS = 12;
    private static final Color[] COLOURS = {new Color(0x1f4e79), new Color(0x2e8b57), new Color(0xc55a11), new Color(0x7030a0)};

    private FunnelCharts() {
    }

    /** The total funnel, one bar per stage. */
    static Optional<String> funnel(CampaignFunnel.Funnel funnel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        CampaignFunnel.STAGES.forEach((stage, label) -> data.addValue(funnel.total().stages().get(stage), "Parcours", label));
        return png(ChartFactory.createBarChart("Entonnoir des parcours", null, "Parcours", data, PlotOrientation.HORIZONTAL,
                false, false, false), 900, 360);
    }

    /** Contacts, first answers within 24 h and diagnostics, for the largest groups. */
    static Optional<String> byGroup(CampaignFunnel.Funnel funnel, String groupLabel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<CampaignFunnel.Row> shown = funnel.rows().stream().limit(SHOWN_GROUPS).toList();
        for (CampaignFunnel.Row row : shown) {
            for (String stage : List.of("contacts", "answered24h", "diagnosed")) {
                data.addValue(row.stages().get(stage), CampaignFunnel.STAGES.get(stage), shorten(row.group()));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Par " + groupLabel.toLowerCase(java.util.Locale.FRENCH), null, "Parcours", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(3);
        return png(chart, 900, 460);
    }

    private static String shorten(String group) {
        return group.length() > 40 ? group.substring(0, 39) + "…" : group;
    }

    private static Optional<String> png(JFreeChart chart, int width, int height) {
        try {
            chart.setBackgroundPaint(Color.WHITE);
            chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            CategoryPlot plot = chart.getCategoryPlot();
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            BarRenderer renderer = (BarRenderer) plot.getRenderer();
            renderer.setBarPainter(new StandardBarPainter());
            renderer.setShadowVisible(false);
            for (int i = 0; i < COLOURS.length; i++) {
                renderer.setSeriesPaint(i, COLOURS[i]);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, width, height);
            return Optional.of("data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray()));
        } catch (IOException | RuntimeException | Error drawingFailed) {
            log.warn("Dashboard chart not drawn: {}", drawingFailed.toString());
            return Optional.empty();
        }
    }
}
