using EnergyTap.Server.HomeAssistant;
using EnergyTap.Server.Mqtt;
using EnergyTap.Server.Tests.Infrastructure;

namespace EnergyTap.Server.Tests.HomeAssistant;

/// <summary>A mosquitto broker, a mosquitto_sub witness, a connected client with availability, and a started publisher.</summary>
internal sealed class PublisherRig : IAsyncDisposable
{
    private PublisherRig(MosquittoBroker broker, MosquittoSubscriber subscriber, MqttClient client, MqttReadingPublisher publisher)
    {
        Broker = broker;
        Subscriber = subscriber;
        Client = client;
        Publisher = publisher;
    }

    public MosquittoBroker Broker { get; }

    public MosquittoSubscriber Subscriber { get; }

    public MqttClient Client { get; }

    public MqttReadingPublisher Publisher { get; }

    public static async Task<PublisherRig> StartAsync(string clientId, params string[] witnessTopics)
    {
        var broker = await MosquittoBroker.StartAsync();
        var subscriber = await broker.SubscribeAsync(witnessTopics);
        var client = new MqttClient(new MqttClientOptions
        {
            Port = broker.Port,
            ClientId = clientId,
            AvailabilityTopic = "energytap/status",
            ReconnectDelayMin = TimeSpan.FromMilliseconds(100),
        });
        await client.ConnectAsync();
        var publisher = new MqttReadingPublisher(client);
        await publisher.StartAsync();
        return new PublisherRig(broker, subscriber, client, publisher);
    }

    public async ValueTask DisposeAsync()
    {
        Publisher.Dispose();
        await Client.DisposeAsync();
        await Subscriber.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
