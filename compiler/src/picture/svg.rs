//! A picture as SVG, drawn by ecospec itself over the three-column layout
//! of `layout.rs`: one `<g class="cluster">` per cluster (holding its
//! actors in the actors view), a `<g>` per other box, the lines first so
//! that boxes sit above them, the legend at the bottom. Every text goes
//! through [`xml_text`].

use std::fmt::Write;

use super::drawing::{EdgeKind, LegendKey, Marks, NodeKind, Picture, BLUE, GREY, RED};
use super::layout::{layout, Item, Layout, Rect};
use super::text::{cells, CELL, LINE};

const INK: &str = "#212121";
const LINE_INK: &str = "#616161";
const MARGIN: f64 = 20.0;
const PAD: f64 = 8.0;

/// The drawing; too large to stay readable: `Err` saying to use `dot`.
pub fn render_svg(picture: &Picture) -> Result<String, String> {
    let layout = layout(picture)?;
    let legend_lines = picture.legend.len() + usize::from(!picture.legend.is_empty());
    let height =
        layout.height + legend_lines as f64 * LINE + if legend_lines > 0 { MARGIN } else { 0.0 };
    let title_w = cells(&picture.title) as f64 * CELL * 14.0 / 12.0;
    let legend_w = picture
        .legend
        .iter()
        .map(|l| cells(l.text) as f64 * CELL + 40.0)
        .fold(0.0, f64::max);
    let width = layout
        .width
        .max(title_w + 2.0 * MARGIN)
        .max(legend_w + 2.0 * MARGIN)
        .ceil();
    let height = height.ceil();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"12\">"
    );
    let _ = writeln!(out, "<title>{}</title>", xml_text(&picture.title));
    out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    let _ = writeln!(
        out,
        "<text x=\"{MARGIN}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\" fill=\"{INK}\">{}</text>",
        MARGIN + 10.0,
        xml_text(&picture.title)
    );
    lines(&mut out, picture, &layout);
    for item in &layout.items {
        item_group(&mut out, picture, item);
    }
    legend(&mut out, picture, layout.legend_y);
    out.push_str("</svg>\n");
    Ok(out)
}

fn lines(out: &mut String, picture: &Picture, layout: &Layout) {
    out.push_str("<g class=\"edges\" fill=\"none\">\n");
    for segment in &layout.segments {
        let Some(edge) = picture.edges.get(segment.edge) else {
            continue;
        };
        let stroke = stroke(&edge.marks, LINE_INK);
        let width = if edge.marks.critical {
            4.0
        } else if edge.marks.single || edge.marks.gap {
            2.0
        } else {
            1.2
        };
        let dash = if edge.kind == EdgeKind::Serves
            || edge.marks.removed
            || edge.marks.gap && edge.kind == EdgeKind::Need
        {
            " stroke-dasharray=\"6 4\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"{width}\"{dash}>",
            n(segment.from.0),
            n(segment.from.1),
            n(segment.to.0),
            n(segment.to.1)
        );
        if let Some(text) = edge.tooltip.as_ref().or(edge.label.as_ref()) {
            let _ = write!(out, "<title>{}</title>", xml_text(text));
        }
        out.push_str("</line>\n");
    }
    out.push_str("</g>\n");
}

fn item_group(out: &mut String, picture: &Picture, item: &Item) {
    let node = item.node.and_then(|n| picture.nodes.get(n));
    let edge = item.edge.and_then(|e| picture.edges.get(e));
    let (class, marks, tooltip, id) = match (node, edge) {
        (Some(node), _) => (
            match node.kind {
                NodeKind::Cluster => "cluster",
                NodeKind::Actor => "actor",
                NodeKind::Capability => "capability",
                NodeKind::Bridge => "bridge",
            },
            node.marks,
            node.tooltip.as_deref(),
            Some(node.id.as_str()),
        ),
        (None, Some(edge)) => ("label", edge.marks, edge.tooltip.as_deref(), None),
        (None, None) => return,
    };
    let _ = write!(out, "<g class=\"{class}\"");
    if let Some(id) = id {
        let _ = write!(out, " id=\"{}\"", xml_text(id));
    }
    out.push_str(">\n");
    if let Some(tip) = tooltip {
        let _ = writeln!(out, "<title>{}</title>", xml_text(tip));
    }
    let round = match class {
        "cluster" => 6.0,
        "actor" => 3.0,
        _ => 12.0,
    };
    let fill = match class {
        "cluster" if marks.activated => "#e3f2fd",
        "cluster" => "#f5f5f5",
        _ => "#ffffff",
    };
    let width = if marks.activated || marks.critical {
        3.0
    } else if marks.gap || marks.supporter {
        2.0
    } else {
        1.0
    };
    rect(
        out,
        &item.rect,
        round,
        fill,
        stroke(&marks, LINE_INK),
        width,
        marks.removed,
    );
    text(
        out,
        &item.rect,
        &item.lines,
        text_color(&marks),
        class == "cluster",
    );
    for row in &item.rows {
        let Some(member) = picture.nodes.get(row.node) else {
            continue;
        };
        let _ = writeln!(out, "<g class=\"actor\" id=\"{}\">", xml_text(&member.id));
        if let Some(tip) = &member.tooltip {
            let _ = writeln!(out, "<title>{}</title>", xml_text(tip));
        }
        let m = member.marks;
        let w = if m.supporter { 2.0 } else { 1.0 };
        rect(
            out,
            &row.rect,
            3.0,
            "#ffffff",
            stroke(&m, "#bdbdbd"),
            w,
            m.removed,
        );
        text(
            out,
            &Rect {
                y: row.rect.y - PAD / 2.0,
                ..row.rect
            },
            &row.lines,
            text_color(&m),
            false,
        );
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");
}

fn rect(
    out: &mut String,
    r: &Rect,
    round: f64,
    fill: &str,
    stroke: &str,
    width: f64,
    dashed: bool,
) {
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{round}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"{}/>",
        n(r.x),
        n(r.y),
        n(r.w),
        n(r.h),
        if dashed { " stroke-dasharray=\"6 4\"" } else { "" }
    );
}

fn text(out: &mut String, r: &Rect, lines: &[String], color: &str, bold_first: bool) {
    for (k, line) in lines.iter().enumerate() {
        let weight = if k == 0 && bold_first {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" fill=\"{color}\"{weight} xml:space=\"preserve\">{}</text>",
            n(r.x + PAD),
            n(r.y + PAD + 12.0 + k as f64 * LINE),
            xml_text(line)
        );
    }
}

fn legend(out: &mut String, picture: &Picture, top: f64) {
    if picture.legend.is_empty() {
        return;
    }
    out.push_str("<g class=\"legend\">\n");
    let _ = writeln!(
        out,
        "<text x=\"{MARGIN}\" y=\"{}\" font-weight=\"bold\" fill=\"{INK}\">Legend</text>",
        n(top + 12.0)
    );
    for (k, entry) in picture.legend.iter().enumerate() {
        let y = top + (k as f64 + 1.0) * LINE;
        let mid = y + LINE / 2.0;
        let (stroke, width, dash) = match entry.key {
            LegendKey::Gap => (RED, 2.0, false),
            LegendKey::Critical => (LINE_INK, 4.0, false),
            LegendKey::Single => ("none", 0.0, false),
            LegendKey::Activated => (BLUE, 3.0, false),
            LegendKey::Supporter => (BLUE, 2.0, false),
            LegendKey::Removed => (GREY, 1.2, true),
            LegendKey::Serves => (LINE_INK, 1.2, true),
        };
        if stroke != "none" {
            let _ = writeln!(
                out,
                "<line x1=\"{MARGIN}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"{width}\"{}/>",
                n(mid),
                MARGIN + 24.0,
                n(mid),
                if dash { " stroke-dasharray=\"6 4\"" } else { "" }
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" fill=\"{INK}\">{}</text>",
            MARGIN + 32.0,
            n(y + 12.0),
            xml_text(entry.text)
        );
    }
    out.push_str("</g>\n");
}

fn stroke(marks: &Marks, plain: &'static str) -> &'static str {
    marks.stroke().unwrap_or(plain)
}

fn text_color(marks: &Marks) -> &'static str {
    marks.ink().unwrap_or(INK)
}

/// A coordinate, to a tenth of a pixel (the same bytes on every run).
fn n(value: f64) -> String {
    let tenths = (value * 10.0).round() / 10.0;
    if tenths.fract() == 0.0 {
        format!("{tenths:.0}")
    } else {
        format!("{tenths:.1}")
    }
}

/// `text` as XML character data or an attribute value: `&`, `<`, `>` and
/// both quotes as entities (so `]]>` or `<script>` stay text), and the
/// characters XML 1.0 does not allow dropped.
pub fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(' '),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
