/// When and how long to wait before trying a failed call again: exponential backoff with full jitter
/// (a random wait between zero and the exponential bound), a longer base for throttling, and the
/// server's `x-acs-retry-after` when it gives one.
package struct RetryPolicy: Sendable {
    /// Retries after the first attempt.
    package var maximumRetries: Int
    /// Base of the exponential bound, in seconds.
    package var baseDelay: Double
    /// Base when throttled.
    package var throttlingBaseDelay: Double
    /// No wait is longer than this.
    package var maximumDelay: Double

    package init(
        maximumRetries: Int = 3, baseDelay: Double = 0.2, throttlingBaseDelay: Double = 0.5, maximumDelay: Double = 20
    ) {
        self.maximumRetries = maximumRetries
        self.baseDelay = baseDelay
        self.throttlingBaseDelay = throttlingBaseDelay
        self.maximumDelay = maximumDelay
    }

    /// Seconds to wait before retry number `retry` (0 for the first retry).
    package func delay(beforeRetry retry: Int, throttled: Bool, retryAfterMilliseconds: Int?) -> Double {
        if let retryAfterMilliseconds, retryAfterMilliseconds > 0 {
            return min(Double(retryAfterMilliseconds) / 1000, maximumDelay)
        }
        let base = throttled ? throttlingBaseDelay : baseDelay
        let bound = min(maximumDelay, base * Double(1 << min(retry, 20)))
        return Double.random(in: 0...bound)
    }
}
