"""The crawl process's garbage collector settings (crawler/extensions/gc_tuning.py)."""

from __future__ import annotations

import gc

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from crawler.extensions.gc_tuning import GarbageCollectorTuning


@pytest.fixture
def restored_gc():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_once_the_engine_starts_the_loaded_objects_are_frozen_and_collections_are_rarer(restored_gc):
    extension = GarbageCollectorTuning.from_crawler(get_crawler(settings_dict={"GC_THRESHOLD": 12_345}))
    older = gc.get_threshold()[1:]
    assert gc.get_threshold()[0] != 12_345
    extension.engine_started()
    assert gc.get_threshold() == (12_345, *older)
    assert gc.get_freeze_count() > 0


def test_a_threshold_of_0_leaves_python_s_settings():
    with pytest.raises(NotConfigured):
        GarbageCollectorTuning.from_crawler(get_crawler(settings_dict={"GC_THRESHOLD": 0}))
