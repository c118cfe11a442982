namespace EnergyTap.FranklinWH.Cloud.Http;

/// <summary>Exponential backoff with jitter: base·2^attempt, plus up to half of that again at random, capped at a minute.</summary>
internal sealed class Backoff(TimeSpan baseDelay, Random random)
{
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(1);

    public TimeSpan DelayFor(int attempt)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        double jitter;
        lock (random)
        {
            jitter = random.NextDouble() * exponential / 2;
        }

        return TimeSpan.FromMilliseconds(Math.Min(exponential + jitter, Cap.TotalMilliseconds));
    }
}
