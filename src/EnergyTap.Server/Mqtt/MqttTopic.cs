using System.Text;

namespace EnergyTap.Server.Mqtt;

/// <summary>Topic name and filter rules of MQTT 3.1.1 (section 4.7).</summary>
public static class MqttTopic
{
    /// <summary>Throws when <paramref name="topic"/> cannot be published to (empty, wildcards, NUL, too long).</summary>
    public static void ValidateTopicName(string topic)
    {
        ValidateCommon(topic, "topic");
        if (topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            throw new ArgumentException($"MQTT topic '{topic}' contains a wildcard (+ or #); wildcards are only for subscriptions.", nameof(topic));
        }
    }

    /// <summary>Throws when <paramref name="filter"/> is not a valid subscription filter.</summary>
    public static void ValidateTopicFilter(string filter)
    {
        ValidateCommon(filter, "topic filter");
        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Contains('#', StringComparison.Ordinal) && (level != "#" || i != levels.Length - 1))
            {
                throw new ArgumentException($"MQTT topic filter '{filter}': # must be a whole, last level.", nameof(filter));
            }

            if (level.Contains('+', StringComparison.Ordinal) && level != "+")
            {
                throw new ArgumentException($"MQTT topic filter '{filter}': + must be a whole level.", nameof(filter));
            }
        }
    }

    /// <summary>
    /// Makes <paramref name="text"/> safe as one topic level: everything except letters, digits, '-', '_' and '.'
    /// becomes '_' (so '/', '+', '#', spaces and control characters never change the topic structure).
    /// </summary>
    public static string SanitizeLevel(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return "_";
        }

        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return result.ToString();
    }

    private static void ValidateCommon(string topic, string what)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.Length == 0)
        {
            throw new ArgumentException($"An MQTT {what} cannot be empty.", nameof(topic));
        }

        if (topic.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"MQTT {what} '{topic}' contains a NUL character.", nameof(topic));
        }

        if (Encoding.UTF8.GetByteCount(topic) > ushort.MaxValue)
        {
            throw new ArgumentException($"MQTT {what} is longer than 65535 bytes.", nameof(topic));
        }
    }
}
