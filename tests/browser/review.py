"""A reviewer's visit, in headless Chromium driven by ChromeDriver (selenium): upload a draft
through the form, wait for its review, check that the first finding is marked in the text, download
the annotated .docx, and take a 1400x1000 screenshot of the review.

Usage: review.py BASE_URL DRAFT DOWNLOAD_DIR SCREENSHOT
Prints one JSON line of what it saw; exits non-zero on any failure.
"""
import json
import os
import sys
import time
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

base, draft, downloads, screenshot = sys.argv[1:5]

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1400,1000", "--lang=zh-CN",
]:
    options.add_argument(flag)
options.add_experimental_option("prefs", {
    "download.default_directory": downloads,
    "download.prompt_for_download": False,
    "safebrowsing.enabled": False,
})
driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
try:
    driver.set_window_size(1400, 1000)
    driver.get(base + "/")
    driver.find_element(By.ID, "file").send_keys(draft)
    driver.find_element(By.CSS_SELECTOR, "#upload-form button[type=submit]").click()
    WebDriverWait(driver, 60).until(ready.presence_of_element_located((By.ID, "findings")))
    first = driver.find_element(By.CSS_SELECTOR, "#findings li.finding")
    severity = first.get_attribute("class")
    link = first.find_element(By.CSS_SELECTOR, "a.goto")
    target = link.get_attribute("href").split("#", 1)[1]
    mark = driver.find_element(By.ID, target)
    assert mark.tag_name == "mark", mark.tag_name
    assert mark.text.strip(), "the mark holds text"
    assert mark.get_attribute("class") in severity, (mark.get_attribute("class"), severity)
    link.click()
    assert driver.current_url.endswith("#" + target)
    driver.execute_script("window.scrollTo(0, 0)")
    # The page's own size, whatever the browser's frame takes.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 1400, "height": 1000, "deviceScaleFactor": 1, "mobile": False,
    })
    driver.save_screenshot(screenshot)
    driver.find_element(By.ID, "download-annotated").click()
    deadline = time.time() + 30
    saved = []
    while time.time() < deadline:
        saved = [n for n in os.listdir(downloads) if n.endswith(".docx")]
        if saved:
            break
        time.sleep(0.2)
    assert saved, "the annotated .docx was downloaded"
    with zipfile.ZipFile(os.path.join(downloads, saved[0])) as docx:
        comments = docx.read("word/comments.xml").decode("utf-8")
    print(json.dumps({
        "first": severity,
        "marked": mark.text,
        "downloaded": saved[0],
        "comments": comments.count("<w:comment "),
    }, ensure_ascii=False))
finally:
    driver.quit()
