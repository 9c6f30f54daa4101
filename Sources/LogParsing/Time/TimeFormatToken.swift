/// One compiled element of a `TimeFormat` pattern.
enum TimeFormatToken: Sendable, Hashable {
    /// Text that must appear as written.
    case literal([UInt8])
    /// A run of spaces in the pattern: matches zero or more spaces/tabs.
    case whitespace
    case year4  // %Y
    case year2  // %y (69...99 → 19xx, else 20xx)
    case month  // %m
    case monthName  // %b %B %h
    case day  // %d %e (space or zero padded)
    case dayOfYear  // %j
    case weekdayName  // %a %A (read, not checked)
    case hour24  // %H %k
    case hour12  // %I %l
    case minute  // %M
    case second  // %S
    case meridiem  // %p %P
    /// Fraction of a second; `width` nil reads every digit (%N %L), else exactly that many (%3N).
    case fraction(width: Int?)
    case offset  // %z
    case zoneName  // %Z (UTC, GMT, Z, or an offset)
    case epochSeconds  // %s
    case epochMillis  // %Q
}
