namespace EnergyTap.Server.Configuration;

/// <summary>The commented starting file `energytap config init` writes.</summary>
public static class ConfigTemplate
{
    public const string Text = """
        // EnergyTap configuration. Comments are allowed. Every value can be overridden by an environment
        // variable: ENERGYTAP_ + the path with "__" between parts, e.g. ENERGYTAP_Server__ControlToken or
        // ENERGYTAP_Sites__0__Cloud__0__Password (keep secrets there rather than in this file).
        // Check it with: energytap config check --config <this file>
        {
          "server": {
            // The API, /metrics and the dashboard. Keep it on loopback unless a reverse proxy fronts it.
            "listen": "127.0.0.1:8080",
            // Battery control over the API needs this bearer token; leave it empty to disable control.
            "controlToken": "",
            // The longest a battery command may run before it is reverted.
            "maxCommandMinutes": 240
          },
          "storage": {
            // "sqlite" (one home) or "postgres" (fleets). Empty path = ~/.local/share/energytap/energytap.db
            "provider": "sqlite",
            "path": "",
            "postgres": "",
            "rawRetentionDays": 7
          },
          "mqtt": {
            // Publish every reading and Home Assistant discovery configs.
            "enabled": false,
            "host": "127.0.0.1",
            "port": 1883,
            "username": "",
            "password": "",
            "topicPrefix": "energytap",
            "discoveryPrefix": "homeassistant"
          },
          "proxy": {
            // A polite caching proxy in front of the PVS, replacing a haproxy bridge.
            "enabled": false,
            "upstream": "http://172.27.153.1",
            "listen": "127.0.0.1:8081"
          },
          "fleet": {
            // Several servers sharing one PostgreSQL (storage.provider "postgres"): each site is leased to
            // exactly one of them, and a dead server's sites move to the others within one lease. All
            // servers need the same sites and clocks kept in step by NTP (well within leaseSeconds / 3).
            "enabled": false,
            // Unique per server; empty = hostname-pid.
            "instanceId": "",
            // 5-600. Leases are renewed every third of this.
            "leaseSeconds": 30
          },
          "sites": [
            {
              "id": "home",
              "name": "Home",
              "pvs": [
                // Only the address is needed (host, host:port or URL); the generation is detected. "serial" is optional:
                // 2025+ LocalAPI firmware tells its serial, whose last 5 characters are the password. DeviceList is slow: keep >= 120 s.
                { "id": "pvs", "address": "172.27.153.1", "serial": "", "deviceListSeconds": 120, "liveSeconds": 10 }
              ],
              "agates": [
                // FranklinWH aGate, SunSpec over Modbus TCP, unit 1.
                { "id": "agate", "host": "192.168.1.50", "port": 502, "unit": 1, "pollSeconds": 5, "reserveSocPercent": 20 }
              ],
              "cloud": [
                // FranklinWH cloud, for generator, V2L and smart circuits. The password is required: set it in
                // ENERGYTAP_Sites__0__Cloud__0__Password (or add "password" here). A refused login is never retried.
                // "baseUrl" (default the FranklinWH cloud) points it elsewhere, e.g. at `energytap simulate cloud`.
                { "id": "cloud", "email": "you@example.com", "gatewayId": "", "pollSeconds": 30 }
              ]
            }
          ]
        }
        """;
}
