"""A real pymodbus (3.0) server for EnergyTap's client tests.

Usage: pymodbus_server.py tcp|rtu
Binds 127.0.0.1 on a free port, prints "PORT <n>" once listening, and serves until stdin closes.
Unit 1: holding registers 0..99 hold 100+address, input registers 0..9 hold 500+address.
"""
import asyncio
import sys

from pymodbus.datastore import ModbusServerContext, ModbusSequentialDataBlock, ModbusSlaveContext
from pymodbus.framer.rtu_framer import ModbusRtuFramer
from pymodbus.framer.socket_framer import ModbusSocketFramer
from pymodbus.server.async_io import ModbusTcpServer


async def main(framing):
    unit = ModbusSlaveContext(
        hr=ModbusSequentialDataBlock(0, [100 + a for a in range(100)]),
        ir=ModbusSequentialDataBlock(0, [500 + a for a in range(10)]),
        zero_mode=True,
    )
    context = ModbusServerContext(slaves={1: unit}, single=False)
    framer = ModbusRtuFramer if framing == "rtu" else ModbusSocketFramer
    server = ModbusTcpServer(context, framer=framer, address=("127.0.0.1", 0))
    serving = asyncio.create_task(server.serve_forever())
    await server.serving
    port = server.server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)
    serving.cancel()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "tcp"))
