//! The XMP metadata packet PDF/UA-1 asks for: title, author, subject, dates, producer and,
//! when everything is tagged, the `pdfuaid:part 1` claim. Written uncompressed (readers and
//! checkers look for it as plain XML), every value XML-escaped.

/// What the packet says.
pub(crate) struct Xmp<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub subject: &'a str,
    pub creator_tool: &'a str,
    pub producer: &'a str,
    /// Seconds since 1970 (UTC): creation, modification and metadata date alike.
    pub unix_time: i64,
    /// Claim PDF/UA-1 conformance (only when every page's content is tagged).
    pub pdf_ua: bool,
}

impl Xmp<'_> {
    pub(crate) fn packet(&self) -> String {
        let date = iso_date(self.unix_time);
        let ua = if self.pdf_ua { "\n   <pdfuaid:part>1</pdfuaid:part>" } else { "" };
        format!(
            r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <xmp:CreatorTool>{tool}</xmp:CreatorTool>
   <pdf:Producer>{producer}</pdf:Producer>{ua}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
            bom = '\u{feff}',
            title = escape(self.title),
            author = escape(self.author),
            subject = escape(self.subject),
            tool = escape(self.creator_tool),
            producer = escape(self.producer),
        )
    }
}

/// Text as XML character data or an attribute value; control characters XML 1.0 cannot hold
/// are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// "2026-03-17T09:30:00Z" from seconds since 1970 (civil-from-days, proleptic Gregorian).
fn iso_date(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs / 60 % 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_8601_in_utc() {
        assert_eq!(iso_date(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_date(1_773_739_800), "2026-03-17T09:30:00Z");
        assert_eq!(iso_date(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn values_are_escaped_and_the_claim_is_optional() {
        let xmp = Xmp {
            title: "Fish & <Chips> \"R\u{1}\"",
            author: "Council",
            subject: "s",
            creator_tool: "t",
            producer: "p",
            unix_time: 0,
            pdf_ua: true,
        };
        let packet = xmp.packet();
        assert!(packet.contains("Fish &amp; &lt;Chips&gt; &quot;R&quot;"), "{packet}");
        assert!(packet.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(!Xmp { pdf_ua: false, ..xmp }.packet().contains("pdfuaid:part>"));
    }
}
