"""SIPp caller scenarios of the IVR, made per run (the PIN is the card's): digits by RFC 2833 (the DTMF pcaps of
Debian's sip-tester) or by SIP INFO (application/dtmf-relay). Used by the IVR's SIPp tests and `carrier-switch bench
ivr` (bench/ivr.py)."""

from __future__ import annotations

import struct
from pathlib import Path

PCAPS = Path("/usr/share/sip-tester")
DIGIT_GAP_MS = 250
RTP_AT = 14 + 20 + 8  # Ethernet, IPv4, UDP headers before the RTP header in these pcaps


def renumbered_pcap(digit: str, position: int, folder: Path) -> Path:
    """sip-tester's pcap of one RFC 2833 digit with its RTP sequence numbers and timestamp moved to the digit's
    place in the entry. Each pcap has fixed ones, and SIPp replays them as they are: a digit keyed twice would
    carry the same event timestamp (a receiver drops it as a repeat), and digits whose pcaps number lower than
    the last would be taken for late packets."""
    name = {"#": "pound", "*": "star"}.get(digit, digit)
    data = bytearray((PCAPS / f"dtmf_2833_{name}.pcap").read_bytes())
    offset, index = 24, 0
    while offset < len(data):
        length = struct.unpack_from("<I", data, offset + 8)[0]
        rtp = offset + 16 + RTP_AT
        struct.pack_into(">HI", data, rtp + 2, (1000 + position * 16 + min(index, 7)) & 0xFFFF, 8000 + position * 1600)
        offset += 16 + length
        index += 1
    path = folder / f"dtmf_{position:03d}_{name}.pcap"
    path.write_bytes(bytes(data))
    return path

_INVITE = """
  <send retrans="500">
    <![CDATA[

      INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=z9hG4bK-[pid]-[call_number]-inv;rport
      From: "Caller" <sip:{ani}@[local_ip]:[local_port]>;tag=[pid]Caller[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>
      Call-ID: [call_id]
      CSeq: 1 INVITE
      Contact: <sip:caller@[local_ip]:[local_port];transport=UDP>
      Max-Forwards: 70
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=caller 53655765 2353687637 IN IP[local_ip_type] [local_ip]
      s=caller-offer
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 0 101
      a=rtpmap:0 PCMU/8000
      a=rtpmap:101 telephone-event/8000

    ]]>
  </send>
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="200" rrs="true"/>
  <send>
    <![CDATA[

      ACK [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Caller" <sip:{ani}@[local_ip]:[local_port]>;tag=[pid]Caller[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: 1 ACK
      Contact: <sip:caller@[local_ip]:[local_port];transport=UDP>
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>
  <pause milliseconds="500"/>
"""

_INFO = """
  <send retrans="500">
    <![CDATA[

      INFO [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Caller" <sip:{ani}@[local_ip]:[local_port]>;tag=[pid]Caller[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: {cseq} INFO
      Contact: <sip:caller@[local_ip]:[local_port];transport=UDP>
      Max-Forwards: 70
      Content-Type: application/dtmf-relay
      Content-Length: [len]

      Signal={digit}
      Duration=160
    ]]>
  </send>
  <recv response="200"/>
  <pause milliseconds="{gap}"/>
"""

_RFC2833 = """
  <nop><action><exec play_pcap_audio="{pcap}"/></action></nop>
  <pause milliseconds="{gap}"/>
"""

_BRIDGED = """
  <recv request="INVITE">
    <action><ereg regexp="{carrier_mark}" search_in="body" check_it="true" assign_to="{variable}"/></action>
  </recv>
  <send>
    <![CDATA[

      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:caller@[local_ip]:[local_port];transport=UDP>
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=caller 53655765 2353687638 IN IP[local_ip_type] [local_ip]
      s=caller-answer
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 0 101
      a=rtpmap:0 PCMU/8000
      a=rtpmap:101 telephone-event/8000

    ]]>
  </send>
  <recv request="ACK"/>
  <pause milliseconds="{talk_ms}"/>
"""

_BYE = """
  <send retrans="500">
    <![CDATA[

      BYE [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Caller" <sip:{ani}@[local_ip]:[local_port]>;tag=[pid]Caller[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: {cseq} BYE
      Contact: <sip:caller@[local_ip]:[local_port];transport=UDP>
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>
  <recv response="200" crlf="true"/>
"""

_HUNG_UP = """
  <recv request="BYE"/>
  <send>
    <![CDATA[

      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0

    ]]>
  </send>
"""


class CallerScript:
    """A caller's scenario built step by step; `write` puts it in a file for SIPp."""

    def __init__(self, ani: str, folder: Path) -> None:
        self.ani = ani
        self.folder = folder
        self.cseq = 1
        self.keyed = 0  # RFC 2833 digits so far
        self.parts = [_INVITE.format(ani=ani)]

    def rfc2833(self, digits: str, gap_ms: int = DIGIT_GAP_MS) -> CallerScript:
        for digit in digits:
            self.keyed += 1
            pcap = renumbered_pcap(digit, self.keyed, self.folder)
            self.parts.append(_RFC2833.format(pcap=pcap, gap=gap_ms))
        return self

    def info(self, digits: str, gap_ms: int = DIGIT_GAP_MS) -> CallerScript:
        for digit in digits:
            self.cseq += 1
            self.parts.append(_INFO.format(ani=self.ani, cseq=self.cseq, digit=digit, gap=gap_ms))
        return self

    def pause(self, ms: int) -> CallerScript:
        self.parts.append(f'  <pause milliseconds="{ms}"/>\n')
        return self

    def bridged(self, talk_ms: int = 1000, carrier_mark: str = "s=carrier-offer") -> CallerScript:
        """Expect the switch's re-INVITE with the carrier's SDP (`carrier_mark` in it: the tests' carrier names its
        offer), talk, hang up."""
        self.cseq += 1
        self.parts.append(_BRIDGED.format(talk_ms=talk_ms, carrier_mark=carrier_mark, variable="carrier_sdp"))
        self.parts.append(_BYE.format(ani=self.ani, cseq=self.cseq))
        self.parts.append('  <Reference variables="carrier_sdp"/>\n')
        return self

    def bridged_until_the_carrier_leaves(self, carrier_mark: str = "s=carrier-offer") -> CallerScript:
        """Expect the switch's re-INVITE with the carrier's SDP and talk until the carrier hangs up: the switch's
        next re-INVITE (a media worker's offer, `pjmedia` its session name) takes the caller back to the IVR."""
        self.parts.append(_BRIDGED.format(talk_ms=0, carrier_mark=carrier_mark, variable="first_carrier_sdp"))
        self.parts.append(_BRIDGED.format(talk_ms=300, carrier_mark="s=pjmedia", variable="ivr_again_sdp"))
        self.parts.append('  <Reference variables="first_carrier_sdp,ivr_again_sdp"/>\n')
        return self

    def hang_up(self) -> CallerScript:
        """The caller leaves (BYE) while in the IVR."""
        self.cseq += 1
        self.parts.append(_BYE.format(ani=self.ani, cseq=self.cseq))
        return self

    def hung_up(self) -> CallerScript:
        """Expect the IVR to end the call (BYE)."""
        self.parts.append(_HUNG_UP)
        return self

    def write(self, path: Path) -> Path:
        path.write_text('<?xml version="1.0" encoding="ISO-8859-1" ?>\n<!DOCTYPE scenario SYSTEM "sipp.dtd">\n'
                        f'<scenario name="IVR caller">{"".join(self.parts)}</scenario>\n', encoding="latin-1")
        return path
