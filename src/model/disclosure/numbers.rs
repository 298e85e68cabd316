//! The shapes of UK identifiers: NHS numbers (with the modulus-11 check), National Insurance
//! numbers, full postcodes and phone numbers. Each function looks at text starting at a byte
//! offset and returns the length matched, so the scanner can try them at every word start.

/// Whether ten digits make a valid NHS number: the weighted sum of the first nine (weights 10
/// down to 2) gives the tenth as `11 - sum % 11`; a remainder giving 10 is never issued.
pub fn nhs_check(digits: &[u8; 10]) -> bool {
    let sum: u32 = digits[..9].iter().zip((2..=10).rev()).map(|(d, w)| u32::from(*d) * w).sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == u32::from(digits[9])
}

fn alnum(b: Option<&u8>) -> bool {
    b.is_some_and(|b| b.is_ascii_alphanumeric())
}

/// An NHS number at `at`: ten digits, either together or grouped 3-3-4 by one space or hyphen,
/// passing the check digit. Numbers starting with 0 are left to the phone check.
pub fn nhs_number(text: &[u8], at: usize) -> Option<usize> {
    let mut digits = [0u8; 10];
    let mut n = 0;
    let mut i = at;
    let mut sep: Option<u8> = None;
    while n < 10 {
        let b = *text.get(i)?;
        if b.is_ascii_digit() {
            digits[n] = b - b'0';
            n += 1;
            i += 1;
        } else if (n == 3 || n == 6) && (b == b' ' || b == b'-') && sep.is_none_or(|s| s == b) {
            if n == 6 && sep.is_none() {
                return None;
            }
            sep = Some(b);
            i += 1;
        } else {
            return None;
        }
    }
    if n == 3 || (sep.is_some() && i - at != 12) {
        return None;
    }
    let next = text.get(i);
    if alnum(next) || digits[0] == 0 {
        return None;
    }
    nhs_check(&digits).then_some(i - at)
}

/// A National Insurance number at `at`: two prefix letters (not D, F, I, Q, U, V; the second
/// not O; not BG, GB, KN, NK, NT, TN, ZZ), six digits (pairs may be spaced), and a suffix A–D.
/// `keyword` says the text just before names it ("NI number"), in which case the suffix may be
/// missing.
pub fn ni_number(text: &[u8], at: usize, keyword: bool) -> Option<usize> {
    let (a, b) = (*text.get(at)?, *text.get(at + 1)?);
    let bad = |c: u8| matches!(c, b'D' | b'F' | b'I' | b'Q' | b'U' | b'V');
    if !a.is_ascii_uppercase() || !b.is_ascii_uppercase() || bad(a) || bad(b) || b == b'O' {
        return None;
    }
    if matches!(&[a, b], b"BG" | b"GB" | b"KN" | b"NK" | b"NT" | b"TN" | b"ZZ") {
        return None;
    }
    let mut i = at + 2;
    let mut n = 0;
    while n < 6 {
        match text.get(i) {
            Some(c) if c.is_ascii_digit() => {
                n += 1;
                i += 1;
            }
            Some(b' ') if n % 2 == 0 && text.get(i + 1).is_some_and(u8::is_ascii_digit) => i += 1,
            _ => return None,
        }
    }
    let mut end = i;
    let suffix_at = if text.get(i) == Some(&b' ') { i + 1 } else { i };
    match text.get(suffix_at) {
        Some(c) if matches!(c, b'A'..=b'D') && !alnum(text.get(suffix_at + 1)) => end = suffix_at + 1,
        _ if keyword && !alnum(text.get(i)) => {}
        _ => return None,
    }
    Some(end - at)
}

fn outward(code: &[u8]) -> bool {
    let letters = code.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if !(1..=2).contains(&letters) || matches!(code[0], b'Q' | b'V' | b'X') {
        return false;
    }
    if letters == 2 && matches!(code[1], b'I' | b'J' | b'Z') {
        return false;
    }
    let rest = &code[letters..];
    match rest {
        [d] | [d, _] if !d.is_ascii_digit() => false,
        [_] => true,
        [_, x] => x.is_ascii_digit() || x.is_ascii_uppercase(),
        _ => false,
    }
}

fn inward(code: &[u8]) -> bool {
    let ok = |c: &u8| c.is_ascii_uppercase() && !matches!(c, b'C' | b'I' | b'K' | b'M' | b'O' | b'V');
    matches!(code, [d, a, b] if d.is_ascii_digit() && ok(a) && ok(b))
}

/// A full UK postcode at `at`, in capitals: "WR5 2NP", "SW1A 1AA", or without the space.
pub fn postcode(text: &[u8], at: usize) -> Option<usize> {
    let run = |from: usize| text[from..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    let first = run(at);
    let out = &text[at..at + first];
    if (2..=4).contains(&first) && outward(out) && text.get(at + first) == Some(&b' ') {
        let second = run(at + first + 1);
        if second == 3 && inward(&text[at + first + 1..at + first + 4]) {
            return Some(first + 4);
        }
    }
    if (5..=7).contains(&first) && outward(&out[..first - 3]) && inward(&out[first - 3..]) {
        return Some(first);
    }
    None
}

/// A UK phone number at `at`: starts 0 (not 00) or +44, digits in groups split by one space or
/// hyphen (the first group may be in brackets), 10 or 11 digits in national form.
pub fn phone(text: &[u8], at: usize) -> Option<usize> {
    let mut i = at;
    let mut digits = 0;
    if text[at..].starts_with(b"+44") {
        i += 3;
        digits = 1; // the 0 that +44 stands for
        if text.get(i) == Some(&b' ') {
            i += 1;
        }
        if text.get(i) == Some(&b'(') && text.get(i + 1) == Some(&b'0') {
            i += 2;
            if text.get(i) == Some(&b')') {
                i += 1;
            }
        }
    } else {
        let bracket = text.get(at) == Some(&b'(');
        let start = at + usize::from(bracket);
        if text.get(start) != Some(&b'0') || text.get(start + 1) == Some(&b'0') {
            return None;
        }
        i = start;
        if bracket {
            while text.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
                digits += 1;
            }
            if text.get(i) != Some(&b')') {
                return None;
            }
            i += 1;
            if text.get(i) == Some(&b' ') {
                i += 1;
            }
        }
    }
    let mut end = i;
    loop {
        match text.get(i) {
            Some(c) if c.is_ascii_digit() => {
                digits += 1;
                i += 1;
                end = i;
            }
            Some(b' ' | b'-') if text.get(i + 1).is_some_and(u8::is_ascii_digit) && digits < 11 => i += 1,
            _ => break,
        }
    }
    if alnum(text.get(end)) || !(10..=11).contains(&digits) {
        return None;
    }
    Some(end - at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(f: impl Fn(&[u8], usize) -> Option<usize>, s: &str) -> bool {
        f(s.as_bytes(), 0) == Some(s.len())
    }

    #[test]
    fn nhs_numbers_need_the_check_digit() {
        assert!(whole(nhs_number, "9434765919"));
        assert!(whole(nhs_number, "943 476 5919"));
        assert!(whole(nhs_number, "943-476-5919"));
        assert!(!whole(nhs_number, "9434765918"), "wrong check digit");
        assert!(!whole(nhs_number, "943 4765919"), "mixed grouping");
        assert!(!whole(nhs_number, "943 476-5919"), "mixed separators");
        assert!(nhs_number(b"94347659190", 0).is_none(), "eleven digits");
        assert!(!whole(nhs_number, "0190576376"), "starts with 0: a phone");
    }

    #[test]
    fn national_insurance_numbers() {
        assert!(whole(|t, a| ni_number(t, a, false), "AB123456C"));
        assert!(whole(|t, a| ni_number(t, a, false), "AB 12 34 56 C"));
        assert!(!whole(|t, a| ni_number(t, a, false), "GB123456A"));
        assert!(!whole(|t, a| ni_number(t, a, false), "AO123456A"));
        assert!(ni_number(b"AB123456", 0, false).is_none());
        assert_eq!(ni_number(b"AB123456 is", 0, true), Some(8));
        assert!(ni_number(b"AB123456E", 0, false).is_none());
    }

    #[test]
    fn postcodes() {
        for ok in ["WR5 2NP", "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A1BB"] {
            assert!(whole(postcode, ok), "{ok}");
        }
        for bad in ["M5", "A38", "ISO 9001", "KS2 SAT", "WR5 2CP", "QA1 1AA", "COVID 19"] {
            assert!(postcode(bad.as_bytes(), 0).is_none(), "{bad}");
        }
    }

    #[test]
    fn phones() {
        for ok in
            ["01905 763763", "0300 555 0101", "07700 900123", "+44 1905 763763", "(01905) 763763", "020 7946 0958"]
        {
            assert!(whole(phone, ok), "{ok}");
        }
        for bad in ["0-19", "01905", "2015 2016", "00 44 1905 763763", "0300 555"] {
            assert!(phone(bad.as_bytes(), 0).is_none(), "{bad}");
        }
    }
}
