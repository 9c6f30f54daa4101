import FaultMavenCore
import Foundation

/// Everything a timestamp parser needs besides the text: the reference instant that supplies
/// missing years/dates, and the zone for wall-clock times that carry none.
struct TimeContext: Sendable, Hashable {
    let referenceSeconds: Double
    let referenceYear: Int
    let referenceMonth: Int
    let referenceDay: Int
    let zone: TimeZoneRule

    init(referenceDate: Date, zone: TimeZoneRule) {
        referenceSeconds = referenceDate.timeIntervalSince1970
        let days = Int((referenceSeconds / 86_400).rounded(.down))
        (referenceYear, referenceMonth, referenceDay) = CivilTime.civilFromDays(days)
        self.zone = zone
    }

    /// Builds an instant from wall-clock fields. A missing year is inferred from the reference:
    /// the reference year, or the previous one when that would put the time more than a day
    /// after the reference (a December line read in January). `offset` nil means "use the zone".
    @inline(__always)
    func instant(
        year: Int?, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanos: Int, offset: Int?
    ) -> Date? {
        let y = year ?? referenceYear
        guard var s = CivilTime.seconds(year: y, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        var t = Double(s) + Double(nanos) / 1e9
        if let offset { t -= Double(offset) } else { t = zone.toUTC(t) }
        if year == nil, t > referenceSeconds + 86_400 {
            guard let prev = CivilTime.seconds(
                year: y - 1, month: month, day: day, hour: hour, minute: minute, second: second)
            else { return nil }  // Feb 29 of a non-leap previous year
            s = prev
            t = Double(s) + Double(nanos) / 1e9
            if let offset { t -= Double(offset) } else { t = zone.toUTC(t) }
        }
        return Date(timeIntervalSince1970: t)
    }
}
