#!/usr/bin/env python3
"""A small FranklinWH cloud client written the way a third party writes one from the API description
(franklinwh_openapi.json) and the live cloud's conventions: stdlib only. Only the base URL differs from
what it would use against https://energy.franklinwh.com.

Usage: franklin_public_client.py BASE_URL EMAIL PASSWORD
Prints one JSON object with what it read; exits non-zero with one line on stderr when a call fails.
"""
import hashlib
import json
import sys
import time
import urllib.parse
import urllib.request
import zlib


class Cloud:
    def __init__(self, base_url):
        self.base = base_url.rstrip("/") + "/"
        self.token = None
        self.snno = 0

    def _call(self, method, path, query=None, body=None, content_type=None):
        url = self.base + path
        if query:
            url += "?" + urllib.parse.urlencode(query)
        headers = {"softwareversion": "APP2.4.1", "optsource": "3", "lang": "en_US"}
        if self.token:
            headers["loginToken"] = self.token
        if body is not None:
            headers["Content-Type"] = content_type
            headers["Content-Length"] = str(len(body))
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        with urllib.request.urlopen(request, timeout=20) as response:
            envelope = json.loads(response.read().decode("utf-8"))
        if envelope.get("code") != 200:
            raise RuntimeError(f"{path}: code {envelope.get('code')}: {envelope.get('message')}")
        return envelope["result"]

    def login(self, email, password):
        form = urllib.parse.urlencode({
            "account": email,
            "password": hashlib.md5(password.encode("utf-8")).hexdigest(),
            "lang": "en_US",
            "type": "0",
        }).encode("ascii")
        result = self._call("POST", "hes-gateway/terminal/initialize/appUserOrInstallerLogin",
                            body=form, content_type="application/x-www-form-urlencoded")
        self.token = result["token"]
        return result

    def gateways(self):
        return self._call("GET", "hes-gateway/terminal/getHomeGatewayList")

    def runtime_data(self, gateway_id):
        result = self._call("GET", "hes-gateway/terminal/getDeviceCompositeInfo",
                            {"gatewayId": gateway_id, "refreshFlag": 1})
        return result["runtimeData"]

    def tou_list(self, gateway_id):
        return self._call("POST", "hes-gateway/terminal/tou/getGatewayTouListV2",
                          {"gatewayId": gateway_id, "showType": 1}, body=b"", content_type="application/json")

    def send_mqtt(self, gateway_id, cmd_type, data_area):
        # dataArea goes in as an object; len and crc cover its exact compact text, spliced in verbatim.
        area = json.dumps(data_area, separators=(",", ":"))
        raw = area.encode("utf-8")
        self.snno += 1
        head = json.dumps({
            "lang": "EN_US", "cmdType": cmd_type, "equipNo": gateway_id, "type": 0,
            "timeStamp": int(time.time()), "snno": self.snno, "len": len(raw),
            "crc": format(zlib.crc32(raw) & 0xFFFFFFFF, "08X"),
        }, separators=(",", ":"))
        body = (head[:-1] + ',"dataArea":' + area + "}").encode("utf-8")
        result = self._call("POST", "hes-gateway/terminal/sendMqtt", body=body, content_type="application/json")
        return json.loads(result["dataArea"])


def main():
    base, email, password = sys.argv[1:4]
    cloud = Cloud(base)
    try:
        login = cloud.login(email, password)
        gateway = cloud.gateways()[0]["id"]
        runtime = cloud.runtime_data(gateway)
        tou = cloud.tou_list(gateway)
        status = cloud.send_mqtt(gateway, 203, {"opt": 1, "refreshData": 1})
    except Exception as error:  # one line for whoever runs it
        print(f"franklin client: {error}", file=sys.stderr)
        return 1
    active = next((m for m in tou["list"] if m["id"] == tou["currendId"]), None)
    print(json.dumps({
        "userId": login["userId"],
        "gateway": gateway,
        "solarKw": runtime["p_sun"],
        "soc": runtime["soc"],
        "gridConnected": runtime["offgridreason"] is None,
        "runtimeMode": runtime["mode"],
        "runtimeModeName": runtime["name"],
        "currendId": tou["currendId"],
        "activeModeName": active["name"] if active else None,
        "status": status,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
