"""Picture parts added to one presentation, found and numbered without walking the package.

python-pptx's ``add_picture`` looks for an identical image already in the package by
walking every relationship of every part, and then finds a free part name by listing
every part again: for the 140 charts of a county deck that is quadratic (9,870 part
visits, PERFORMANCE.md). One index per presentation — the image parts by SHA-1 and the
image numbers in use — gives the same result at once: the same part for the same image,
and the first free number (``image1.png``, ``image2.png``, …) as python-pptx picks it.
The picture shape itself is made by python-pptx, as ``add_picture`` makes it.
"""

from __future__ import annotations

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.image import Image, ImagePart
from pptx.presentation import Presentation
from pptx.shapes.picture import Picture
from pptx.slide import Slide
from pptx.util import Length

_MEDIA = "/ppt/media/image"


class PictureParts:
    """Adds pictures to the slides of one presentation."""

    def __init__(self, prs: Presentation) -> None:
        self._package = prs.part.package
        self._by_sha1: dict[str, ImagePart] = {}
        self._used: set[int] = set()
        for part in self._package.iter_parts():
            if str(part.partname).startswith(_MEDIA) and part.partname.idx is not None:
                self._used.add(part.partname.idx)
            if isinstance(part, ImagePart):
                self._by_sha1.setdefault(part.sha1, part)

    def _part(self, blob: bytes) -> ImagePart:
        image = Image.from_blob(blob)
        part = self._by_sha1.get(image.sha1)
        if part is None:
            index = next(i for i in range(1, len(self._used) + 2) if i not in self._used)
            self._used.add(index)
            partname = PackURI(f"{_MEDIA}{index}.{image.ext}")
            part = ImagePart(partname, image.content_type, self._package, image.blob, image.filename)
            self._by_sha1[image.sha1] = part
        return part

    def add_picture(
        self, slide: Slide, blob: bytes, left: Length, top: Length, width: Length, height: Length
    ) -> Picture:
        """What ``slide.shapes.add_picture(io.BytesIO(blob), …)`` does, without its walks."""
        part = self._part(blob)
        rel_id = slide.part.relate_to(part, RT.IMAGE)
        shapes = slide.shapes
        pic = shapes._add_pic_from_image_part(part, rel_id, left, top, width, height)
        shapes._recalculate_extents()
        return shapes._shape_factory(pic)  # type: ignore[return-value]
