"""A real pymodbus (3.0) client exercising EnergyTap's server; prints one JSON document.

Usage: pymodbus_client.py tcp|rtu PORT
Expects unit 1 with holding registers 0..99 and input registers 0..9 defined.
"""
import json
import sys

from pymodbus.client import ModbusTcpClient
from pymodbus.framer.rtu_framer import ModbusRtuFramer
from pymodbus.framer.socket_framer import ModbusSocketFramer


def main(framing, port):
    framer = ModbusRtuFramer if framing == "rtu" else ModbusSocketFramer
    client = ModbusTcpClient("127.0.0.1", port=port, framer=framer, timeout=5, retries=0)
    if not client.connect():
        raise SystemExit(f"cannot connect to 127.0.0.1:{port}")
    result = {}
    result["holding"] = client.read_holding_registers(5, 3, slave=1).registers
    result["input"] = client.read_input_registers(0, 2, slave=1).registers
    result["writeSingle"] = not client.write_register(10, 12345, slave=1).isError()
    result["writeMultiple"] = not client.write_registers(20, [1, 2, 3], slave=1).isError()
    result["readBack"] = client.read_holding_registers(20, 3, slave=1).registers
    result["pastEndException"] = client.read_holding_registers(98, 5, slave=1).exception_code
    client.close()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
